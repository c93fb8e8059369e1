/**
 * The projects of a workspace run: every workspace package's own tsconfig joins the run's projects
 * (src/plan/projects.ts), so the plan spans the packages whatever paths were given (whole-project
 * analysis: the paths only choose the change sets), and each package's files are owned by its
 * tsconfig (their imports resolved with its options). Also the build layout of each package
 * (rootDir/outDir), for src/plan/workspace-resolve.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseProjectConfig, type ProjectConfig, type ProjectLayout, type ProjectTexts } from './projects';
import type { BuildLayout } from './workspace-resolve';
import type { Workspace, WorkspacePackage } from './workspace';

/** The package's tsconfig.json path when it has one (the run's texts or the disk). */
function configOf(pkg: WorkspacePackage, texts: ProjectTexts): string | undefined {
  const file = path.join(pkg.dir, 'tsconfig.json');
  return texts.has(file) || fs.existsSync(file) ? file : undefined;
}

/**
 * `layout` plus the tsconfig of every workspace package not in it yet, each owning the files it
 * includes that no project owns yet. A `--project` run (an explicit config) is returned as it is.
 */
export function addWorkspaceProjects(layout: ProjectLayout, workspace: Workspace, texts: ProjectTexts): ProjectLayout {
  if (layout.explicit) return layout;
  const known = new Map(layout.projects.map((p) => [p.configPath, p]));
  const projects = [...layout.projects];
  const owners = new Map(layout.owners);
  for (const pkg of workspace.packages) {
    const configPath = configOf(pkg, texts);
    if (!configPath || known.has(configPath)) continue;
    const config = parseProjectConfig(configPath, texts);
    known.set(configPath, config);
    projects.push(config);
    if (!config.error) for (const file of config.fileNames) if (!owners.has(file)) owners.set(file, config);
  }
  return { ...layout, projects, owners };
}

/** The build layout of each package's tsconfig (parsed once; undefined when it has none or it is broken). */
export function buildLayouts(layout: ProjectLayout, texts: ProjectTexts): (pkg: WorkspacePackage) => BuildLayout | undefined {
  const byPath = new Map<string, ProjectConfig>(layout.projects.map((p) => [p.configPath, p]));
  const cache = new Map<WorkspacePackage, BuildLayout | undefined>();
  return (pkg) => {
    if (cache.has(pkg)) return cache.get(pkg);
    const configPath = configOf(pkg, texts);
    const config = configPath ? byPath.get(configPath) ?? parseProjectConfig(configPath, texts) : undefined;
    const found = config && !config.error ? { configDir: path.dirname(config.configPath), rootDir: config.options.rootDir, outDir: config.options.outDir, declarationDir: config.options.declarationDir } : undefined;
    cache.set(pkg, found);
    return found;
  };
}

/**
 * Faults of the project configuration stay local: a tsconfig that cannot be read, parsed or extended
 * is reported once, for the files it owns that had work (a sync fs call), and those files are not
 * migrated; every other file is planned as usual (src/plan/projects.ts, src/plan/load-project.ts).
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import { mightUseSyncFs } from '../core/fs-api';
import type { Plan } from '../core/plan';
import type { LoadedProject } from './load-project';

/**
 * One AM346 finding per broken tsconfig that owns files with work.
 * @param texts absolute path → text of the run's files
 * @param cwd directory display paths are relative to
 * @param fsModules extra fs-like modules (`--fs-modules`), for the work test
 */
export function brokenConfigFindings(loaded: LoadedProject, texts: ReadonlyMap<string, string>, cwd: string, fsModules: readonly string[]): Finding[] {
  const rel = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const byConfig = new Map<string, string[]>();
  for (const file of loaded.brokenFiles) {
    if (!mightUseSyncFs(texts.get(file) ?? '', fsModules)) continue;
    const config = loaded.layout.owners.get(file);
    if (!config?.error) continue;
    byConfig.set(config.configPath, [...(byConfig.get(config.configPath) ?? []), rel(file)]);
  }
  return [...byConfig.entries()].map(([configPath, files]) => {
    const error = loaded.layout.projects.find((p) => p.configPath === configPath)?.error ?? { message: 'broken' };
    const shown = files.sort().slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
    const message = `${rel(configPath)}${error.line ? `:${error.line}:${error.column}` : ''}: ${error.message} — the ${files.length} file${files.length === 1 ? '' : 's'} it owns with sync fs calls ${files.length === 1 ? 'was' : 'were'} not migrated (${shown}); fix the tsconfig, or pass another with --project`;
    return { transform: 'propagate-async', kind: 'left-alone', code: 'AM346', message, file: rel(configPath), line: error.line ?? 1, column: error.column ?? 1 };
  });
}

/**
 * In files whose tsconfig is broken, the plan's blocked sites say so (AM346) instead of "caller is
 * outside the project" (AM108), which is how the call graph sees a file it may not edit.
 * Mutates and returns `plan`.
 */
export function explainBrokenConfigSites(plan: Plan, loaded: LoadedProject, cwd: string): Plan {
  for (const file of loaded.brokenFiles) {
    const config = loaded.layout.owners.get(file);
    const fp = plan.files[path.relative(cwd, file).split(path.sep).join('/')];
    if (!fp || !config?.error) continue;
    const where = `${path.relative(cwd, config.configPath).split(path.sep).join('/')}${config.error.line ? `:${config.error.line}:${config.error.column}` : ''}`;
    for (const b of fp.blocked) {
      if (b.code !== 'AM108') continue;
      b.code = 'AM346';
      b.message = `${b.subject} stays sync: the file's tsconfig ${where} cannot be used (${config.error.message})`;
    }
  }
  return plan;
}

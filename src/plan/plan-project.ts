/**
 * Compute the propagate-async Plan for a project: load it over in-memory texts (src/project), build
 * the call graph in one pass (./call-graph), close over callers with "poison flows down"
 * (./close-over-callers), and write everything down as plain data (./types).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ts } from 'ts-morph';
import { UsageError } from '../core/errors';
import { loadProject, type FileTexts, type LoadedProject } from './load-project';
import { buildCallGraph, type CallGraph, type FnNode } from './call-graph';
import { siteLocation } from './syntax';
import type { FsMocks } from '../core/fs-mocks';
import { takeMockedSeeds, takeTestFixtureSeeds } from './mocked-seeds';
import { writePlan } from './write-plan';
import { constructorFunctionPins } from './constructor-functions';
import { choosePublicApi, publicApiPins } from './public-api';
import { workspacePublicApi } from './workspace-public-api';
import { syncNamePins } from './sync-names';
import { chooseTarget, libHasArrayFromAsync } from './target';
import { hasArrayFromAsync } from '../core/node-target';
import { unseenCallerPins } from './unseen-callers';
import { closeOverCallers, type PinCause } from './close-over-callers';
import { assignChangeSets } from './change-sets';
import { restrictToFileSet } from './file-set';
import type { Plan } from '../core/plan';

/** Options of {@link planProject}. */
export interface PlanOptions {
  /** Working directory: plan file keys are relative to it. Default `process.cwd()`. */
  cwd?: string;
  /**
   * Whole-project analysis, file-set application (src/plan/file-set.ts): every file the project's
   * tsconfigs own may change in the analysis, and only the change sets inside the run's files are
   * kept (those reaching outside: AM347, or applied with `expand`, listed in `plan.expandedFiles`).
   * Absent: only the run's files may change (a caller elsewhere pins its callees, AM108).
   */
  fileSet?: { expand: boolean };
  /** tsconfig (`-p/--project`); default the nearest tsconfig.json, else an inferred allowJs config. */
  project?: string;
  /** `<file>:<function>` names of functions to make async (teams migrating their own sync APIs). */
  seeds?: readonly string[];
  /**
   * `keep`: exported functions of the package's entry points stay sync (AM330); `change`: they may
   * become async. Undefined: `keep` for a package that publishes an API, `change` for an application
   * (./public-api.ts {@link choosePublicApi}).
   */
  publicApi?: 'change' | 'keep';
  /** Extra modules with Node's fs API (fs-promises option `fsModules`). */
  fsModules?: readonly string[];
  /** Seed from the blocking calls blocking-apis rewrites (execSync, gzipSync, …); default true. */
  blockingApis?: boolean;
  /** `parallel` (default): map callbacks run concurrently (`Promise.all`); `sequential`: one at a time in loops. */
  concurrency?: 'parallel' | 'sequential';
  /** Functions kept sync because migrating them failed verification in an earlier attempt (AM342). */
  verifyPins?: readonly { file: string; name: string; why: string }[];
  /**
   * `follow` (default): a test file's own sync fs calls (fixture I/O) are no seeds (AM333); test files
   * still change where they call, await or assert on what the migration changed. `migrate`: test
   * files migrate like source.
   */
  tests?: 'follow' | 'migrate';
  /** Sync fs functions the project's tests mock (src/core/fs-mocks.ts): their calls are no seeds. */
  fsMocks?: FsMocks;
  /**
   * `--target`: the Node.js version to target (`node22`, `node24`, …); undefined: detect it from the
   * project (./target.ts). From node22 (with a TypeScript lib that declares it), `Array.from(gen())` of
   * a generator that becomes async → `await Array.fromAsync(gen())`.
   */
  target?: string;
  /** Receivers that handle returned promises although the tool treats them as sync-only (`on`, `emitter.on`, `setTimeout`). */
  allowCallbacks?: readonly string[];
  /** Do not search the disk for a tsconfig (tests over virtual paths). */
  noTsconfigSearch?: boolean;
  /** Called with the loaded project, for other analyses over the same program (no second load). */
  onLoaded?: (loaded: LoadedProject) => void;
}

/** Module kind per file: `.mjs/.mts` ESM, `.cjs/.cts` CommonJS, else the nearest package.json `type`. */
function esModuleResolver(texts: FileTexts, compilerModule: ts.ModuleKind | undefined): (file: string) => boolean {
  const byDir = new Map<string, boolean>();
  const packageType = (dir: string): boolean => {
    const cached = byDir.get(dir);
    if (cached !== undefined) return cached;
    const pj = path.join(dir, 'package.json');
    const text = texts.get(pj) ?? (fs.existsSync(pj) ? fs.readFileSync(pj, 'utf8') : undefined);
    let result: boolean;
    if (text !== undefined) {
      try {
        result = (JSON.parse(text) as { type?: unknown }).type === 'module';
      } catch {
        result = false;
      }
    } else {
      const parent = path.dirname(dir);
      result = parent === dir ? false : packageType(parent);
    }
    byDir.set(dir, result);
    return result;
  };
  const esTarget = compilerModule !== undefined && [ts.ModuleKind.ES2020, ts.ModuleKind.ES2022, ts.ModuleKind.ESNext, ts.ModuleKind.Preserve].includes(compilerModule);
  return (file) => {
    const lower = file.toLowerCase();
    if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return true;
    if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return false;
    if (esTarget && /\.tsx?$/.test(lower)) return true;
    return packageType(path.dirname(file));
  };
}

/**
 * Plan propagate-async over `texts` (absolute path → text; the map's texts win over the disk).
 * @throws Error for a user error (bad tsconfig, a --seed that names no function): the message names
 *   the file and what to do.
 */
export function planProject(texts: FileTexts, options: PlanOptions = {}): Plan {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadProject(texts, { tsConfigFilePath: options.project, cwd, noSearch: options.noTsconfigSearch });
  options.onLoaded?.(loaded);
  const packageDir = loaded.tsConfigFilePath ? path.dirname(loaded.tsConfigFilePath) : cwd;
  // Without a tsconfig the inferred options say nothing about the project: no lib/target to read, and
  // the runtime alone decides Array.fromAsync (JavaScript is not type-checked against a lib then).
  const target = chooseTarget(options.target, texts, packageDir, loaded.tsConfigFilePath ? loaded.compilerOptions : {});
  const fromAsync = hasArrayFromAsync(target) && (!loaded.tsConfigFilePath || libHasArrayFromAsync(loaded.program, loaded.checker));
  const graph = buildCallGraph(loaded.program, loaded.checker, {
    projectFiles: loaded.projectFiles,
    // Files whose nearest tsconfig is broken are seen as callers but never edited (their build is the user's to fix).
    editableFiles: new Set([...(options.fileSet ? loaded.projectFiles : texts.keys())].map((f) => path.resolve(f)).filter((f) => !loaded.brokenFiles.has(f))),
    isEsModule: esModuleResolver(texts, loaded.compilerOptions.module),
    fsModules: options.fsModules,
    blockingApis: options.blockingApis,
    concurrency: options.concurrency,
    allowCallbacks: options.allowCallbacks,
    target: fromAsync ? 'node22' : 'node20',
  });
  const mocked = [...(options.tests === 'migrate' ? [] : takeTestFixtureSeeds(graph, cwd)), ...takeMockedSeeds(graph, options.fsMocks, loaded.program, loaded.checker, cwd)];
  addUserSeeds(graph, options.seeds ?? [], cwd);
  // In a workspace each package decides (published: keep, private: change); else the package's kind.
  const inWorkspace = loaded.workspace && loaded.workspace.packages.length > 0 ? workspacePublicApi(options.publicApi, loaded.workspace, graph, loaded, texts, cwd) : undefined;
  const publicApi = inWorkspace?.choice ?? choosePublicApi(options.publicApi, texts, packageDir);
  const apiPins = inWorkspace ? inWorkspace.pins : publicApi.mode === 'keep' ? publicApiPins(graph, loaded, texts, cwd, publicApi) : [];
  const extraPins = [...syncNamePins(graph), ...constructorFunctionPins(graph, loaded.program, loaded.checker, loaded.projectFiles, cwd), ...apiPins, ...unseenCallerPins(graph, loaded.program, loaded.checker, loaded.projectFiles), ...verifyPinsOf(graph, options.verifyPins ?? [])];
  const closure = closeOverCallers(graph, extraPins);
  const plan = assignChangeSets(writePlan(graph, closure, { cwd, tsconfig: loaded.tsConfigFilePath, mocked, extra: { target: { name: target.name, reason: target.reason }, publicApi } }), graph, closure, cwd);
  if (!options.fileSet) return plan;
  const runFiles = new Set([...texts.keys()].map((f) => path.relative(cwd, f).split(path.sep).join('/')));
  const selection = restrictToFileSet(plan, runFiles, options.fileSet.expand);
  return selection.expanded.length > 0 ? { ...selection.plan, expandedFiles: selection.expanded } : selection.plan;
}

/** Pins for the functions a failed verification named (`verifyPins`): every function of that file with that name (last segment). */
function verifyPinsOf(graph: CallGraph, pins: readonly { file: string; name: string; why: string }[]): { fn: FnNode; cause: PinCause }[] {
  const out: { fn: FnNode; cause: PinCause }[] = [];
  for (const pin of pins) {
    for (const fn of graph.fns) {
      if (fn.file !== pin.file || !fn.hasBody || fn.name.split('.').pop() !== pin.name) continue;
      out.push({ fn, cause: { code: 'AM342', text: `${fn.name} is kept sync: making it async failed verification (${pin.why})`, loc: siteLocation(fn.node) } });
    }
  }
  return out;
}

/** `--seed src/a.ts:loadConfig` (or `Class.method`): mark those functions as seeds. */
function addUserSeeds(graph: CallGraph, seeds: readonly string[], cwd: string): void {
  for (const spec of seeds) {
    const colon = spec.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--seed ${spec}: expected <file>:<function>, e.g. src/config.ts:loadConfig`);
    const file = path.resolve(cwd, spec.slice(0, colon));
    const name = spec.slice(colon + 1);
    const matches = graph.fns.filter((f) => f.file === file && f.hasBody && (f.name === name || f.name.endsWith(`.${name}`)));
    if (matches.length === 0) throw new UsageError(`--seed ${spec}: no function named ${name} in ${spec.slice(0, colon)}; check the file path (relative to the working directory) and the name`);
    for (const fn of matches) {
      if (fn.isAsync) continue;
      fn.seeds.push({ kind: 'user', text: '--seed', loc: siteLocation(fn.node) });
    }
  }
}

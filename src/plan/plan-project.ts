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
import { buildCallGraph, familyOf, type CallGraph, type FnNode, type Seed, type SiteLocation } from './call-graph';
import { siteLocation } from './syntax';
import { mockFor, type FsMocks } from '../core/fs-mocks';
import { unseenCallerPins } from './unseen-callers';
import { closeOverCallers, rootCause, type Closure, type PinCause } from './close-over-callers';
import { emptyFilePlan, type ChainStep, type FilePlan, type Plan } from '../core/plan';

/** Options of {@link planProject}. */
export interface PlanOptions {
  /** Working directory: plan file keys are relative to it. Default `process.cwd()`. */
  cwd?: string;
  /** tsconfig (`-p/--project`); default the nearest tsconfig.json, else an inferred allowJs config. */
  project?: string;
  /** `<file>:<function>` names of functions to make async (teams migrating their own sync APIs). */
  seeds?: readonly string[];
  /** `keep`: exported functions of the package's entry points stay sync (AM330). Default `change`. */
  publicApi?: 'change' | 'keep';
  /** Extra modules with Node's fs API (fs-promises option `fsModules`). */
  fsModules?: readonly string[];
  /** `parallel` (default): map callbacks run concurrently (`Promise.all`); `sequential`: one at a time in loops. */
  concurrency?: 'parallel' | 'sequential';
  /** Functions kept sync because migrating them failed verification in an earlier attempt (AM342). */
  verifyPins?: readonly { file: string; name: string; why: string }[];
  /** Sync fs functions the project's tests mock (src/core/fs-mocks.ts): their calls are no seeds. */
  fsMocks?: FsMocks;
  /** `node22`: `Array.from(gen())` of a generator that becomes async → `await Array.fromAsync(gen())`. */
  target?: 'node20' | 'node22';
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

/** Display path: relative to cwd, `/` separators. */
const displayPath = (cwd: string, file: string) => path.relative(cwd, file).split(path.sep).join('/');

/**
 * Plan propagate-async over `texts` (absolute path → text; the map's texts win over the disk).
 * @throws Error for a user error (bad tsconfig, a --seed that names no function): the message names
 *   the file and what to do.
 */
export function planProject(texts: FileTexts, options: PlanOptions = {}): Plan {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadProject(texts, { tsConfigFilePath: options.project, cwd, noSearch: options.noTsconfigSearch });
  options.onLoaded?.(loaded);
  const graph = buildCallGraph(loaded.program, loaded.checker, {
    projectFiles: loaded.projectFiles,
    editableFiles: new Set([...texts.keys()].map((f) => path.resolve(f))),
    isEsModule: esModuleResolver(texts, loaded.compilerOptions.module),
    fsModules: options.fsModules,
    concurrency: options.concurrency,
    allowCallbacks: options.allowCallbacks,
    target: options.target,
  });
  dropMockedSeeds(graph, options.fsMocks);
  addUserSeeds(graph, options.seeds ?? [], cwd);
  const extraPins = [...(options.publicApi === 'keep' ? publicApiPins(graph, loaded, texts, cwd) : []), ...unseenCallerPins(graph, loaded.program, loaded.checker, loaded.projectFiles), ...verifyPinsOf(graph, options.verifyPins ?? [])];
  const closure = closeOverCallers(graph, extraPins);
  return writePlan(graph, closure, cwd, loaded.tsConfigFilePath);
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

/** Calls of sync fs functions that tests mock stay sync (fs-promises reports them, AM208): they seed nothing. */
function dropMockedSeeds(graph: CallGraph, mocks: FsMocks | undefined): void {
  if (!mocks || Object.keys(mocks).length === 0) return;
  const mocked = (seed: Seed) => seed.kind === 'fs' && mockFor(mocks, seed.text) !== undefined;
  for (const fn of graph.fns) if (fn.seeds.some(mocked)) fn.seeds = fn.seeds.filter((seed) => !mocked(seed));
  graph.fsSeeds = graph.fsSeeds.filter((entry) => !mocked(entry.seed));
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

/**
 * The package's entry modules: the source files behind package.json `exports` (every string in it,
 * through conditions and subpaths) and `main` (default `index.js`), found next to the nearest
 * package.json above the tsconfig (or cwd). Built paths are mapped back to sources through the
 * tsconfig's `outDir` → `rootDir` and `.js` → `.ts`/`.tsx` (`.mjs` → `.mts`, `.cjs` → `.cts`).
 * Returns undefined when there is no package.json or no entry maps to a project file.
 */
export function packageEntryFiles(loaded: LoadedProject, texts: FileTexts, cwd: string): string[] | undefined {
  let dir = loaded.tsConfigFilePath ? path.dirname(loaded.tsConfigFilePath) : cwd;
  let manifest: { main?: unknown; exports?: unknown } | undefined;
  for (;;) {
    const file = path.join(dir, 'package.json');
    const text = texts.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
    if (text !== undefined) {
      try {
        manifest = JSON.parse(text);
      } catch {
        return undefined;
      }
      break;
    }
    if (path.dirname(dir) === dir) return undefined;
    dir = path.dirname(dir);
  }
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest?.exports);
  if (typeof manifest?.main === 'string') targets.push(manifest.main);
  if (targets.length === 0) targets.push('index.js');
  const { outDir, rootDir } = loaded.compilerOptions;
  const sourceRoot = rootDir ?? (loaded.tsConfigFilePath ? path.dirname(loaded.tsConfigFilePath) : dir);
  const found = new Set<string>();
  for (const target of targets) {
    const built = path.resolve(dir, target);
    const bases = [built];
    if (outDir && !path.relative(outDir, built).startsWith('..')) bases.push(path.join(sourceRoot, path.relative(outDir, built)));
    for (const base of bases) {
      const stem = base.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
      const ext = path.extname(base);
      const candidates = [base, ...(ext === '.mjs' ? ['.mts'] : ext === '.cjs' ? ['.cts'] : ['.ts', '.tsx', '.js']).map((e) => stem + e)];
      const hit = candidates.find((c) => loaded.projectFiles.has(c));
      if (hit) found.add(hit);
    }
  }
  return found.size > 0 ? [...found] : undefined;
}

/**
 * `--public-api=keep`: the functions and public methods exported by the package's entry modules
 * (ES `export`s through the checker; CommonJS `module.exports = …` / `exports.f = …` as the call graph
 * marks them) stay sync (callers outside the package cannot be changed). Without a package.json entry that maps
 * to a source file, every exported function of the project counts as public.
 */
function publicApiPins(graph: CallGraph, loaded: LoadedProject, texts: FileTexts, cwd: string): { fn: FnNode; cause: PinCause }[] {
  const causeFor = (fn: FnNode, why: string): { fn: FnNode; cause: PinCause } => ({ fn, cause: { code: 'AM330', text: `${fn.name} is ${why} and --public-api=keep keeps its signature`, loc: siteLocation(fn.node) } });
  const entries = packageEntryFiles(loaded, texts, cwd);
  if (!entries) return graph.fns.filter((fn) => fn.exported && fn.editable).map((fn) => causeFor(fn, 'exported'));
  const byNode = new Map<ts.Node, FnNode>(graph.fns.map((fn) => [fn.node, fn]));
  const fnOf = (decl: ts.Node): FnNode | undefined => {
    const init = ts.isVariableDeclaration(decl) && decl.initializer ? decl.initializer : undefined;
    return byNode.get(decl) ?? (init ? byNode.get(ts.isParenthesizedExpression(init) ? init.expression : init) : undefined);
  };
  const pins: { fn: FnNode; cause: PinCause }[] = [];
  const pinned = new Set<FnNode>();
  for (const entry of entries) {
    const label = `exported by the package entry ${path.relative(cwd, entry).split(path.sep).join('/')}`;
    const pin = (fn: FnNode) => {
      if (pinned.has(fn)) return;
      pinned.add(fn);
      pins.push(causeFor(fn, label));
    };
    // CommonJS exports (`module.exports = …`, `exports.f = …`), which the call graph marks exported:
    // the checker has no module symbol for a CommonJS JavaScript file.
    for (const fn of graph.fns) if (fn.exported && fn.editable && fn.file === entry) pin(fn);
    // … and what they re-export (`module.exports = { ...require('./x') }`, `Object.assign(module.exports, require('./x'))`).
    for (const fn of graph.commonJsExports.get(entry) ?? []) if (fn.editable) pin(fn);
    const sf = loaded.program.getSourceFile(entry);
    const moduleSymbol = sf ? loaded.checker.getSymbolAtLocation(sf) : undefined;
    if (!moduleSymbol) continue;
    for (let symbol of loaded.checker.getExportsOfModule(moduleSymbol)) {
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = loaded.checker.getAliasedSymbol(symbol);
      for (const decl of symbol.declarations ?? []) {
        const fn = fnOf(decl);
        if (fn) pin(fn);
        if (ts.isClassDeclaration(decl)) {
          for (const member of decl.members) {
            const isPrivate = ((ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword) || (member.name && ts.isPrivateIdentifier(member.name));
            const method = isPrivate ? undefined : byNode.get(member);
            if (method) pin(method);
          }
        }
      }
    }
  }
  return pins;
}

function writePlan(graph: CallGraph, closure: Closure, cwd: string, tsconfig: string | undefined): Plan {
  const plan: Plan = { version: 1, tsconfig: tsconfig ? displayPath(cwd, tsconfig) : null, files: {}, apiChanges: [], apiKept: [], edges: [] };
  const rel = (file: string) => displayPath(cwd, file);
  const filePlan = (file: string): FilePlan => (plan.files[rel(file)] ??= emptyFilePlan());
  const step = (text: string, loc: SiteLocation): ChainStep => ({ text, file: rel(loc.file), line: loc.line, column: loc.column });
  const famName = (family: number) => (closure.members.get(family) ?? []).find((m) => m.hasBody)?.name ?? closure.members.get(family)?.[0]?.name ?? '?';
  const locOfFn = (fn: FnNode) => {
    const { start, end, line, column } = siteLocation(fn.node);
    return { start, end, line, column };
  };

  const asyncChain = (family: number): ChainStep[] => {
    const steps: ChainStep[] = [];
    const seen = new Set<number>();
    let current = family;
    while (!seen.has(current)) {
      seen.add(current);
      const cause = closure.async.get(current);
      if (cause?.via) {
        const site = cause.via.site;
        steps.push(step(`${site.caller?.name ?? 'top level'} calls ${site.calleeText}()`, site.loc));
        current = cause.via.family;
        continue;
      }
      const seeded = (closure.members.get(current) ?? []).find((m) => m.seeds.length > 0);
      const seed = seeded?.seeds[0];
      if (seeded && seed) steps.push(step(seed.kind === 'fs' ? `${seeded.name} calls ${seed.text}` : seed.kind === 'await' ? `${seeded.name} contains await` : `${seeded.name} is named by --seed`, seed.loc));
      break;
    }
    return steps;
  };

  const pinChain = (family: number): { steps: ChainStep[]; root: PinCause } => {
    const steps: ChainStep[] = [];
    let cause = closure.pinned.get(family) as PinCause;
    const seen = new Set<number>();
    while (cause.via && !seen.has(cause.via.family)) {
      seen.add(cause.via.family);
      const site = cause.via.site;
      steps.push(step(`${site.calleeText}() is called from ${site.caller?.name ?? 'top level'}`, site.loc));
      cause = closure.pinned.get(cause.via.family) as PinCause;
    }
    steps.push(step(cause.text, cause.loc));
    return { steps, root: rootCause(closure.pinned, family) };
  };

  const sortedFamilies = [...closure.async.keys()].sort((a, b) => a - b);
  for (const family of sortedFamilies) {
    const chain = asyncChain(family);
    for (const fn of closure.members.get(family) ?? []) {
      if (!fn.editable) continue;
      const loc = locOfFn(fn);
      const inlined = fn.incoming.some((site) => site.restructure === 'for-of' || site.restructure === 'expect-rejects' || site.restructure === 'sequential-loop' || site.restructure === 'reduce-loop');
      if (fn.hasBody && !fn.isAsync && !inlined) filePlan(fn.file).asyncFunctions.push({ file: rel(fn.file), ...loc, name: fn.name, chain });
      const type = fn.returnType;
      if (type && !isPromiseType(type)) {
        const { start, end, line, column } = siteLocation(type);
        filePlan(fn.file).annotations.push({ file: rel(fn.file), start, end, line, column, text: type.getText(), ...(fn.isGenerator ? { kind: 'async-generator' as const } : /\.[cm]?jsx?$/.test(fn.file) ? { kind: 'jsdoc' as const } : {}) });
      }
      if (fn.exported) plan.apiChanges.push({ file: rel(fn.file), line: loc.line, column: loc.column, name: fn.name });
      for (const site of fn.incoming) {
        if (site.context !== 'await' || site.blockedBy) continue;
        if (site.restructure === 'yield-star') continue; // `yield*` consumes async generators as they are
        if (site.restructure) {
          filePlan(site.loc.file).callbacks.push({ kind: site.restructure, file: rel(site.loc.file), start: site.loc.start, end: site.loc.end, line: site.loc.line, column: site.loc.column, callee: site.calleeText, ...(site.resultType ? { resultType: site.resultType } : {}) });
          plan.edges.push({ from: site.caller?.name ?? `${rel(site.loc.file)} top level`, to: famName(family) });
          continue;
        }
        filePlan(site.loc.file).awaitSites.push({ file: rel(site.loc.file), start: site.loc.start, end: site.loc.end, line: site.loc.line, column: site.loc.column, callee: site.calleeText });
        plan.edges.push({ from: site.caller?.name ?? `${rel(site.loc.file)} top level`, to: famName(family) });
      }
      for (const seed of fn.seeds) {
        if (seed.kind !== 'fs') continue;
        filePlan(seed.loc.file).seedSites.push({ file: rel(seed.loc.file), start: seed.loc.start, end: seed.loc.end, line: seed.loc.line, column: seed.loc.column, callee: seed.text });
        plan.edges.push({ from: fn.name, to: seed.text });
      }
    }
  }

  const keptRoots = new Set<string>();
  for (const fn of graph.fns) {
    if (fn.seeds.length === 0 || fn.isAsync) continue;
    const family = familyOf(graph, fn.id);
    if (!closure.pinned.has(family)) continue;
    const { steps, root } = pinChain(family);
    for (const seed of fn.seeds) {
      const subject = seed.kind === 'fs' ? seed.text : fn.name;
      const why = `${root.text} (${rel(root.loc.file)}:${root.loc.line}, ${root.code})`;
      const message = seed.kind === 'fs' ? `${subject} stays sync: ${why}` : seed.kind === 'await' ? `${fn.name} contains await but cannot become async: ${why}` : `${fn.name} (--seed) stays sync: ${why}`;
      const first = step(seed.kind === 'fs' ? `${fn.name} calls ${seed.text}` : fn.name, seed.loc);
      filePlan(seed.loc.file).blocked.push({ file: rel(seed.loc.file), line: seed.loc.line, column: seed.loc.column, code: root.code, message, subject, chain: [first, ...steps] });
      plan.edges.push({ from: fn.name, to: subject, blocked: root.code });
    }
    if (root.code === 'AM330') keptRoots.add(`${root.loc.file}:${root.loc.start}`);
  }
  // Every exported function kept sync by --public-api=keep that pins some seed, itself or deeper down.
  for (const fn of graph.fns) {
    if (keptRoots.has(`${fn.file}:${fn.node.getStart()}`)) plan.apiKept.push({ file: rel(fn.file), line: locOfFn(fn).line, column: locOfFn(fn).column, name: fn.name });
  }

  // A call of a family is in the incoming list of every member (overloads, implementations): once each.
  const unique = <T extends { start: number; end: number }>(list: T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((e) => !seen.has(`${e.start}:${e.end}`) && (seen.add(`${e.start}:${e.end}`), true));
  };
  for (const fp of Object.values(plan.files)) {
    fp.awaitSites = unique(fp.awaitSites);
    fp.callbacks = unique(fp.callbacks);
    fp.seedSites = unique(fp.seedSites);
    fp.annotations = unique(fp.annotations);
  }
  const edgeKeys = new Set<string>();
  plan.edges = plan.edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.blocked ?? ''}`;
    return !edgeKeys.has(key) && (edgeKeys.add(key), true);
  });
  for (const fp of Object.values(plan.files)) {
    fp.asyncFunctions.sort((a, b) => a.start - b.start);
    fp.awaitSites.sort((a, b) => a.start - b.start || a.end - b.end);
    fp.annotations.sort((a, b) => a.start - b.start);
    fp.callbacks.sort((a, b) => a.start - b.start);
    fp.seedSites.sort((a, b) => a.start - b.start);
    fp.blocked.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  plan.files = Object.fromEntries(Object.entries(plan.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return plan;
}

/** `Promise<T>` / `PromiseLike<T>` already: no wrapping (never Promise<Promise<T>>). */
function isPromiseType(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && (type.typeName.text === 'Promise' || type.typeName.text === 'PromiseLike');
}

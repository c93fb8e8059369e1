/**
 * `--public-api=keep`: the package's entry modules (package.json `exports`/`main`, mapped back to
 * sources) and the functions they export, which stay sync (AM330).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import type { CallGraph, FnNode } from './call-graph';
import type { FileTexts, LoadedProject } from './load-project';
import type { PinCause } from './close-over-callers';
import { siteLocation } from './syntax';
import { findPackageJson } from './package-json';

/** Whether the package's public API is kept sync, and why. */
export interface PublicApiChoice {
  mode: 'change' | 'keep';
  /** `--public-api keep`, `package.json "name" publishes an API (main) and is not private`, … */
  reason: string;
}

/**
 * Decide `--public-api` (issue 11, item 6): the option when given; else `keep` for a package that
 * publishes an API (its package.json has `exports`, `main`, `module` or `types` and is not
 * `"private": true`: callers outside the project are assumed, and an async signature would be a
 * semver-major change), `change` for an application (private, only `bin`, or no package.json).
 * @param dir where the nearest package.json is looked for (the tsconfig's folder, else cwd)
 */
export function choosePublicApi(option: 'change' | 'keep' | undefined, texts: ReadonlyMap<string, string>, dir: string): PublicApiChoice {
  if (option) return { mode: option, reason: `--public-api ${option}` };
  const found = findPackageJson(texts, dir);
  if (!found) return { mode: 'change', reason: 'an application: no package.json' };
  const shown = path.relative(dir, found.file).split(path.sep).join('/') || 'package.json';
  const manifest = found.manifest ?? {};
  const name = typeof manifest.name === 'string' ? ` (${manifest.name})` : '';
  if (manifest.private === true) return { mode: 'change', reason: `an application: ${shown}${name} is private` };
  const fields = (['exports', 'main', 'module', 'types', 'typings'] as const).filter((f) => manifest[f] !== undefined);
  if (fields.length === 0) return { mode: 'change', reason: `an application: ${shown}${name} has no exports, main, module or types${manifest.bin !== undefined ? ', only bin' : ''}` };
  return { mode: 'keep', reason: `a published package: ${shown}${name} has ${fields.join(', ')} and is not private` };
}

/**
 * The package's entry modules: the source files behind package.json `exports` (every string in it,
 * through conditions and subpaths), `main`, `module` and `types` (default `index.js`), found next to the nearest
 * package.json above the tsconfig (or cwd). Built paths are mapped back to sources through the
 * tsconfig's `outDir` → `rootDir` and `.js` → `.ts`/`.tsx` (`.mjs` → `.mts`, `.cjs` → `.cts`).
 * Returns undefined when there is no package.json or no entry maps to a project file.
 */
export function packageEntryFiles(loaded: LoadedProject, texts: FileTexts, cwd: string): string[] | undefined {
  const pkg = findPackageJson(texts, loaded.tsConfigFilePath ? path.dirname(loaded.tsConfigFilePath) : cwd);
  if (!pkg?.manifest) return undefined;
  const { dir, manifest } = pkg;
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  for (const field of [manifest.main, manifest.module, manifest.types, manifest.typings]) if (typeof field === 'string') targets.push(field);
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
export function publicApiPins(graph: CallGraph, loaded: LoadedProject, texts: FileTexts, cwd: string, choice?: PublicApiChoice): { fn: FnNode; cause: PinCause }[] {
  const keep = !choice || choice.reason.startsWith('--') ? '--public-api=keep' : '--public-api=keep (the default for a published package)';
  const causeFor = (fn: FnNode, why: string): { fn: FnNode; cause: PinCause } => ({ fn, cause: { code: 'AM330', text: `${fn.name} is ${why} and ${keep} keeps its signature`, loc: siteLocation(fn.node) } });
  const entries = packageEntryFiles(loaded, texts, cwd);
  if (!entries) return graph.fns.filter((fn) => fn.exported && fn.editable).map((fn) => causeFor(fn, 'exported'));
  return entryExportPins(graph, loaded, entries, (fn, entry) => causeFor(fn, `exported by the package entry ${path.relative(cwd, entry).split(path.sep).join('/')}`));
}

/**
 * The functions and public methods the entry modules `entries` export (ES exports through the
 * checker, CommonJS exports as the call graph marks them, and what those re-export), each once,
 * with the cause `causeFor` gives.
 */
export function entryExportPins(graph: CallGraph, loaded: Pick<LoadedProject, 'program' | 'checker'>, entries: readonly string[], causeFor: (fn: FnNode, entry: string) => { fn: FnNode; cause: PinCause }): { fn: FnNode; cause: PinCause }[] {
  const byNode = new Map<ts.Node, FnNode>(graph.fns.map((fn) => [fn.node, fn]));
  const fnOf = (decl: ts.Node): FnNode | undefined => {
    const init = ts.isVariableDeclaration(decl) && decl.initializer ? decl.initializer : undefined;
    return byNode.get(decl) ?? (init ? byNode.get(ts.isParenthesizedExpression(init) ? init.expression : init) : undefined);
  };
  const pins: { fn: FnNode; cause: PinCause }[] = [];
  const pinned = new Set<FnNode>();
  for (const entry of entries) {
    const pin = (fn: FnNode) => {
      if (pinned.has(fn)) return;
      pinned.add(fn);
      pins.push(causeFor(fn, entry));
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

/**
 * fs-promises — rewrite synchronous Node.js fs calls to `await` of their fs/promises twins.
 *
 * Handles:
 * 1. Every sync function with a promise twin of the same arguments and result (table and sources in
 *    src/core/fs-api.ts: Node.js fs docs, fs-extra docs): `readFileSync(p)` → `await readFile(p)`.
 * 2. `existsSync(p)` → `await access(p).then(() => true, () => false)` (false on any error).
 * 3. `statSync`/`lstatSync(p, { throwIfNoEntry: false })` → a `.catch` that gives undefined for ENOENT
 *    and ENOTDIR and rethrows every other error (`throwIfNoEntry`, which fs/promises did not take before
 *    Node.js 25.7, is dropped from the options); with a target from node25.7 (`target` option),
 *    `statSync(p, { throwIfNoEntry: false })` → `await stat(p, { throwIfNoEntry: false })`.
 * 4. Every way to reach fs: default, namespace and named imports (aliases too), `import fs = require()`,
 *    `require` with or without destructuring, inline `require('fs').xSync()`, the `node:` prefix;
 *    fs-extra (its own promise forms) and modules named in `fsModules` (their `promises` export).
 * 5. Imports in the file's style, reusing an fs/promises import or `fs.promises` already present;
 *    aliases for taken names; sync imports left unused are removed.
 * 6. Parentheses where precedence needs them: `(await readFile(p)).toString()`, `(await stat(p))!.size`.
 * 7. Minimal diffs: the call node is kept (its argument layout and comments stay), `return`
 *    statements keep their text (fs-promises/print-keeping-statements), changed import lists keep
 *    their layout (fs-promises/rebuild-list-text); a statement that now starts with `(` after a line
 *    without `;` gets a leading `;`.
 *
 * Leaves alone (reported with a reason code):
 * - calls in synchronous functions (AM106: propagate-async's job), generators (AM110), constructors
 *   (AM101), accessors (AM102), class fields and static blocks (AM103), CommonJS top level (AM104),
 *   `process.on('exit')` handlers (AM105), parameter defaults (AM111);
 * - file-descriptor APIs (AM201), fd arguments (AM202), twins of another shape such as globSync and
 *   opendirSync (AM203), sync names not in the table (AM204), sync functions used as values (AM205),
 *   spread arguments (AM206), stat options that are not a literal (AM207);
 * - in test files, with `--tests follow` (the default), the test's own fixture I/O (AM333);
 * - calls of a sync function the project's tests mock (`jest.spyOn(fs, 'readFileSync')`, `jest.mock('fs')`,
 *   …: the mock would no longer apply; AM208, found by the engine's prepare step, src/plan/hooks.ts);
 * - anything that only looks like fs: a local `readFileSync`, a parameter named `fs`, `parseSync`.
 *
 * Run before: collapse-delegation and hoist-switch-await. Run after: propagate-async (which makes the
 * enclosing functions async, so their calls become rewritable here).
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import FastPath from 'recast/lib/fast-path';
import { scanFileContext } from './lib/await-context';
import { collectUsedNames } from './lib/bindings';
import { mightUseSyncFs } from '../src/core/fs-api';
import { mockFor, type FsMocks } from '../src/core/fs-mocks';
import { nodeTargetName, parseNodeTarget, statHonoursThrowIfNoEntry } from '../src/core/node-target';
import { isTestFile } from '../src/core/test-files';
import type { TransformMeta } from '../src/core/transform';
import { moduleTypeOf } from '../src/core/module-type';
import { parserFor } from '../src/core/parser';
import { createReporter, type EngineHooks } from './lib/report';
import { createSourceText } from './lib/source-text';
import { detectStyle, indentUnit, printOptionsFor, splitBom } from './lib/style';
import { buildAwaitCall, detachComments, parenthesizeWhereRecastDoesNot } from './fs-promises/build-await-call';
import { classifyCallSite } from './fs-promises/classify-call-site';
import { dropThrowIfNoEntry } from './fs-promises/drop-throw-if-no-entry';
import { findFsBindings, type FsBinding } from './fs-promises/find-fs-bindings';
import { findSyncCallSites } from './fs-promises/find-sync-call-sites';
import { printKeepingStatements, type RewrittenSite } from './fs-promises/print-keeping-statements';
import { createPromiseCallees } from './fs-promises/promise-callees';
import { applyTextEdits, updateImports } from './fs-promises/update-imports';

/** Options of the fs-promises transform. */
export interface FsPromisesOptions extends EngineHooks {
  /** Extra modules with Node's fs API, e.g. `['graceful-fs']` (a comma-separated string from jscodeshift's CLI). */
  fsModules?: string[] | string;
  /** `module` or `commonjs`; by default from the extension and the nearest package.json `"type"`. */
  moduleType?: 'module' | 'commonjs';
  /** Sync fs functions the project's tests mock (set by the engine's prepare step, src/plan/hooks.ts): their calls stay sync (AM208). */
  fsMocks?: FsMocks;
  /**
   * The Node.js target (`node22`, `node26`; set by propagate-async's prepare step from `--target` or the
   * project). From node25.7, `statSync(p, { throwIfNoEntry: false })` → `await stat(p, { throwIfNoEntry:
   * false })`; before (or unknown), a `.catch` that gives undefined for ENOENT/ENOTDIR.
   */
  target?: string;
  /**
   * `follow` (default): in test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`) sync fs
   * calls are the test's own fixture I/O and stay as they are (AM333); `migrate`: rewritten like source.
   */
  tests?: 'follow' | 'migrate';
}

/** Normalise `fsModules` from an array, a comma-separated string or nothing. */
export function readFsModules(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

export const meta: TransformMeta = {
  name: 'fs-promises',
  description: 'Rewrite sync fs calls (readFileSync, statSync, existsSync, fs-extra, …) to await of their promise twins, fixing imports',
  order: 10,
  example: 'read-file-sync-in-async-function',
  options: [
    { name: 'fsModules', type: 'array', description: "Extra modules with Node's fs API whose sync calls are rewritten (e.g. graceful-fs)", default: [] },
    { name: 'moduleType', type: 'string', description: 'Treat files as `module` (top-level await allowed) or `commonjs`; default: from the extension and package.json "type"' },
  ],
  mightApply: (source, options) => mightUseSyncFs(source, readFsModules(options.fsModules)),
};


export default function transform(file: FileInfo, api: API, options: Options & FsPromisesOptions): string | undefined {
  const fsModules = readFsModules(options.fsModules);
  if (!mightUseSyncFs(file.source, fsModules)) return undefined;
  const j = api.jscodeshift.withParser(parserFor(file.path));
  const report = createReporter(meta.name, file, api, options);
  const { bom, text: source } = splitBom(file.source);
  const root = j(source);

  const bindings = findFsBindings(j, root, { fsModules });
  const sites = findSyncCallSites(j, root, bindings, { fsModules });
  if (sites.length === 0) return undefined;

  const context = scanFileContext(j, root, moduleTypeOf(file.path, options.moduleType));
  const callees = createPromiseCallees(j, root, bindings, collectUsedNames(j, root));
  const style = detectStyle(source);
  const text = createSourceText(source);
  const rewrittenBindings = new Set<FsBinding>();
  const rewrittenSites: RewrittenSite[] = [];
  const statTarget = parseNodeTarget(options.target);
  // --tests follow (the default): a test file's own fs calls are fixture I/O, left as they are.
  const testFixture = options.tests !== 'migrate' && isTestFile(file.path);
  let addedThrows = 0;

  for (const site of sites) {
    const position = (site.ref.node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    // A mock of this call (its name, its module, from a test that reaches this file) keeps it sync, but
    // a structural reason (constructor, CommonJS top level, …) is the one reported when there is one.
    const mock = site.api ? mockFor(options.fsMocks, site.syncName, { file: file.path, module: site.module }) : undefined;
    const decision = classifyCallSite(site, context);
    if (mock && (decision.rewrite || decision.code === 'AM106' || decision.code === 'AM110')) {
      report({ kind: 'left-alone', code: 'AM208', message: `${site.syncName} is mocked in ${mock.file}:${mock.line} (${mock.how}): its fs/promises twin would escape the mock`, position, subject: site.syncName });
      continue;
    }
    if (testFixture && site.api && (decision.rewrite || decision.code === 'AM106' || decision.code === 'AM110')) {
      report({ kind: 'left-alone', code: 'AM333', message: `${site.syncName} is a test file's own fixture I/O: left as it is (--tests follow)`, position, subject: site.syncName });
      continue;
    }
    if (!decision.rewrite) {
      report({ kind: 'left-alone', code: decision.code, message: decision.message, position, subject: site.syncName });
      continue;
    }
    // From Node.js 25.7 the promise stat honours `throwIfNoEntry: false` itself (src/core/node-target.ts).
    const keepsNoThrow = decision.shape === 'stat-no-throw' && site.syncName === 'statSync' && site.family === 'node' && statTarget !== undefined && statHonoursThrowIfNoEntry(statTarget);
    const shape = keepsNoThrow ? 'twin' : decision.shape;
    const call = site.call!;
    const callNode = call.node as unknown as { callee: unknown; arguments: never[]; comments?: unknown[] | null; loc: { start: { line: number; column: number } } };
    const promiseName = site.api!.promise!;
    const original = callNode.arguments;
    const args = (site.api!.throwIfNoEntry && !keepsNoThrow ? dropThrowIfNoEntry(j, original, text) : original) as never[];
    const layout = {
      unit: indentUnit(style),
      quote: style.quote === 'double' ? '"' : "'",
      semicolon: style.semicolons ? ';' : '',
    };
    // The call's comments go to the expression that replaces it, so recast leaves them in place.
    const comments = detachComments(callNode);
    const replacement = buildAwaitCall(j, shape, callees.calleeFor(site, promiseName), callNode, args, layout);
    const placed = parenthesizeWhereRecastDoesNot(j, call, replacement);
    const placedText = j(placed).toSource(printOptionsFor(style));
    call.replace(placed);
    // The finding's replacement for the call's own text, with the parentheses recast adds there.
    const replacementText = FastPath.from(call).needsParens() ? `(${placedText})` : placedText;
    if (comments) (placed as { comments?: unknown }).comments = comments;
    rewrittenSites.push({ node: placed, start: callNode.loc.start });
    if (shape === 'stat-no-throw') addedThrows++;
    if (site.binding) rewrittenBindings.add(site.binding);
    report({
      kind: 'rewritten',
      code: keepsNoThrow ? 'AM001' : decision.code,
      message: `${site.syncName}${site.native ? '.native' : ''} → await ${promiseName}${keepsNoThrow ? ` (${nodeTargetName(statTarget!)}: the promise stat honours throwIfNoEntry)` : ''}`,
      position,
      subject: site.syncName,
      replacement: replacementText,
    });
  }
  if (rewrittenSites.length === 0) return undefined;

  const edits = updateImports(j, root, {
    source: text,
    original: source,
    rewrittenBindings,
    pending: callees.pending,
    touched: callees.touched,
    touchedPatterns: callees.touchedPatterns,
  });
  const printed = printKeepingStatements(j, root, { rewritten: rewrittenSites, source: text, original: source, print: printOptionsFor(style), addedThrows });
  const output = bom + applyTextEdits(printed, edits, style.lineTerminator);
  return output === file.source ? undefined : output;
}

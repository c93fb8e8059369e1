/**
 * blocking-apis — rewrite the other blocking Node.js APIs (child_process, zlib, crypto, blocking
 * sleeps) to `await` of their promise forms.
 *
 * Handles (table and Node.js docs per row: src/core/blocking-api.ts):
 * 1. `execSync(cmd, o)` → `(await execAsync(cmd, o)).stdout` with `const execAsync = promisify(exec)`,
 *    `encoding: 'buffer'` added where the Buffer result is read and no encoding was given (promisified
 *    exec defaults to 'utf8'); `await execAsync(cmd, o)` where the value is discarded. execFileSync
 *    likewise with execFile (AM700).
 * 2. zlib `gzipSync`, `gunzipSync`, `deflateSync`, `inflateSync`, `deflateRawSync`, `inflateRawSync`,
 *    `unzipSync`, `brotliCompressSync`, `brotliDecompressSync` and crypto `pbkdf2Sync`, `scryptSync`,
 *    `randomFillSync`, `hkdfSync`, `generateKeySync`, `generateKeyPairSync` (→ `{ publicKey, privateKey }`),
 *    `generatePrimeSync`, `checkPrimeSync` → `await xAsync(args)` with `const xAsync = promisify(x)` (AM701).
 * 3. `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), 0, 0, ms);` and `execSync('sleep N');`
 *    → `await setTimeout(ms);` from timers/promises (`sleep` when the file uses the global setTimeout) (AM702).
 * 4. Every way to reach the modules (default, namespace, named and aliased imports, `import x =
 *    require()`, `require` with or without destructuring, inline `require('zlib').gzipSync()`, `node:`);
 *    new imports in the file's style; an existing `promisify(exec)` binding is reused; named sync
 *    imports left unused are replaced or removed.
 *
 * Leaves alone (reported): calls in contexts where `await` cannot go (AM101–AM111, as fs-promises;
 * AM106 is propagate-async's job, which seeds from the same table); spawnSync (AM710); exec calls
 * whose thrown error a surrounding catch reads (AM711), options not statically known (AM712), `input`
 * (AM713), `stdio` (AM714); spread or extra arguments (AM715); Atomics.wait that is no plain sleep
 * (AM716); in test files under `--tests follow`, the test's own calls (AM333).
 *
 * Run after: propagate-async and fs-promises. Run before: hoist-switch-await and collapse-delegation.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { findAwaitContext, scanFileContext } from './lib/await-context';
import { collectUsedNames } from './lib/bindings';
import { isTypeScriptFile, mightUseBlockingApi } from '../src/core/blocking-api';
import { isTestFile } from '../src/core/test-files';
import type { SiteFinding } from '../src/core/findings';
import type { TransformMeta } from '../src/core/transform';
import { moduleTypeOf } from '../src/core/module-type';
import { parserFor } from '../src/core/parser';
import { createReporter, type EngineHooks } from './lib/report';
import { detectStyle, splitBom } from './lib/style';
import { applyEdits, buildReplacement } from './blocking-apis/build-replacement';
import { findModuleBindings } from './blocking-apis/find-bindings';
import { findBlockingSites, type BlockingSite } from './blocking-apis/find-sites';
import { findBindingsUnusedAfter, ImportPlanner, type TextEdit } from './blocking-apis/plan-imports';

/** Options of the blocking-apis transform. */
export interface BlockingApisOptions extends EngineHooks {
  /** `module` or `commonjs`; by default from the extension and the nearest package.json `"type"`. */
  moduleType?: 'module' | 'commonjs';
  /** `follow` (default): a test file's own calls stay as they are (AM333); `migrate`: rewritten like source. */
  tests?: 'follow' | 'migrate';
}

export const meta: TransformMeta = {
  name: 'blocking-apis',
  description: 'Rewrite blocking child_process, zlib and crypto calls and blocking sleeps to await of their promise forms (promisify, timers/promises)',
  order: 15,
  example: 'exec-sync-in-async-function',
  options: [
    { name: 'moduleType', type: 'string', description: 'Treat files as `module` (top-level await allowed) or `commonjs`; default: from the extension and package.json "type"' },
  ],
  mightApply: (source) => mightUseBlockingApi(source),
};

type Located = { start: number; end: number; loc?: { start: { line: number; column: number } } };

const size = (site: BlockingSite): number => (site.call.node as unknown as Located).end - (site.call.node as unknown as Located).start;

/** Does the statement that starts with the call begin with `(` after the rewrite, in a file without semicolons? */
function needsLeadingSemicolon(site: BlockingSite, replacement: string, semicolons: boolean): boolean {
  if (semicolons || !replacement.startsWith('(')) return false;
  const start = (site.call.node as unknown as Located).start;
  let path = site.call.parent;
  while (path && (path.node as unknown as Located).start === start) {
    if (path.node.type === 'ExpressionStatement') return true;
    path = path.parent;
  }
  return false;
}

export default function transform(file: FileInfo, api: API, options: Options & BlockingApisOptions): string | undefined {
  if (!mightUseBlockingApi(file.source)) return undefined;
  const j = api.jscodeshift.withParser(parserFor(file.path));
  const report = createReporter(meta.name, file, api, options);
  const { bom, text: source } = splitBom(file.source);
  const root = j(source);
  const textOf = (node: unknown) => source.slice((node as Located).start, (node as Located).end);

  const bindings = findModuleBindings(j, root);
  const typescript = isTypeScriptFile(file.path);
  const sites = findBlockingSites(j, root, bindings, textOf, typescript);
  if (sites.length === 0) return undefined;

  const context = scanFileContext(j, root, moduleTypeOf(file.path, options.moduleType));
  const testFixture = options.tests !== 'migrate' && isTestFile(file.path);
  const rewritten: BlockingSite[] = [];
  for (const site of sites) {
    const position = (site.call.node as unknown as Located).loc?.start;
    const where = findAwaitContext(site.call, context);
    const decision = site.decision;
    // Under `--tests follow` a test file's own calls stay whatever else holds them: AM333 is the reason
    // that decides (release-it's tests had 130 execSync sites reported as AM712 though no run would touch them).
    if (testFixture) {
      report({ kind: 'left-alone', code: 'AM333', message: `${site.name} is a test file's own call: left as it is (--tests follow)`, position, subject: site.name });
    } else if (!decision.rewrite) {
      report({ kind: 'left-alone', code: decision.code, message: decision.message, position, subject: site.name });
    } else if (!where.ok) {
      report({ kind: 'left-alone', code: where.code, message: `${site.name}: ${where.message}`, position, subject: site.name });
    } else rewritten.push(site);
  }
  if (rewritten.length === 0) return undefined;

  const style = detectStyle(source);
  const quote = style.quote === 'double' ? '"' : "'";
  const esm = bindings.some((b) => b.form !== 'require') || root.find(j.ImportDeclaration).size() > 0 || (bindings.length === 0 && context.moduleType === 'module');
  const planner = new ImportPlanner(j, root, source, bindings, collectUsedNames(j, root), {
    quote,
    semicolon: style.semicolons ? ';' : '',
    eol: style.lineTerminator,
    esm,
    nodePrefix: /(?:\bfrom|\brequire\s*\()\s*['"`]node:/.test(source),
    typescript,
  }, findBindingsUnusedAfter(j, root, bindings, rewritten));
  // Names in source order (so are the new statements), then the replacements, innermost calls first:
  // a call nested in another's arguments is rewritten inside the outer replacement.
  const callees = new Map(rewritten.map((site) => [site, site.decision.rewrite && site.decision.shape === 'sleep' ? planner.sleepFunction() : planner.promisifiedName(site)]));
  let edits: TextEdit[] = [];
  const done: { site: BlockingSite; finding: SiteFinding }[] = [];
  const bySize = [...rewritten].sort((a, b) => size(a) - size(b));
  for (const site of bySize) {
    const decision = site.decision;
    if (!decision.rewrite) continue;
    const node = site.call.node as unknown as Located;
    const inner = edits.filter((e) => e.start >= node.start && e.end <= node.end);
    edits = edits.filter((e) => !inner.includes(e));
    const replacement = buildReplacement(site.call, decision, source, { callee: callees.get(site) as string, quote }, inner);
    const text = needsLeadingSemicolon(site, replacement, style.semicolons) ? `;${replacement}` : replacement;
    edits.push({ start: node.start, end: node.end, text });
    done.push({ site, finding: { kind: 'rewritten', code: decision.code, message: `${site.name} → ${replacement}`, position: node.loc?.start, subject: site.name, replacement } });
  }
  for (const { finding } of done.sort((a, b) => (a.site.call.node as unknown as Located).start - (b.site.call.node as unknown as Located).start)) report(finding);
  planner.removeUnusedSyncBindings();
  const output = bom + applyEdits(source, [...edits, ...planner.edits]);
  return output === file.source ? undefined : output;
}

/**
 * Which Node.js version the migration targets, and why (issue 11, item 5):
 * 1. `--target nodeNN` when given;
 * 2. else package.json `engines.node`: the lowest version the range allows (`>=22` → node22,
 *    `^20.11 || >=22` → node20, `>=25.7` → node25.7);
 * 3. else the TypeScript `lib`/`target` (the newer of the two): ES2024 or ESNext → node22 (the first
 *    release with the ES2024 library, Array.fromAsync included), ES2023 or older → node20;
 * 4. else the oldest maintained Node.js LTS line: {@link OLDEST_MAINTAINED_LTS} (Node.js 20 reached
 *    its end of life in April 2026; 22 is the oldest maintained line as of December 2026, see the
 *    Node.js release schedule, github.com/nodejs/release).
 * The target decides `Array.fromAsync` (Node.js ≥ 22, and a TypeScript lib that declares it) and the
 * rewrite of `statSync(p, { throwIfNoEntry: false })` (src/core/node-target.ts).
 */
import * as path from 'path';
import { ts } from 'ts-morph';
import { UsageError } from '../core/errors';
import { nodeTargetName, parseNodeTarget, type NodeVersion } from '../core/node-target';
import { findPackageJson } from './package-json';

/** The oldest maintained Node.js LTS major (December 2026). */
export const OLDEST_MAINTAINED_LTS = 22;

/** The target used and why. */
export interface TargetChoice extends NodeVersion {
  /** `node22` */
  name: string;
  /** `package.json engines.node ">=22"`, `--target node24`, `tsconfig lib es2024`, … */
  reason: string;
}

/**
 * The lowest Node.js version a semver range allows, or undefined when the range has no lower bound
 * (`*`, `<24`) or is not understood. Comparators: `>=X.Y`, `>X` (next major) / `>X.Y` (next minor),
 * `^X.Y`, `~X.Y`, `X`, `X.x`, `=X.Y.Z`, hyphen ranges `X - Y`; alternatives joined by `||`.
 */
export function lowestAllowedVersion(range: string): NodeVersion | undefined {
  let lowest: NodeVersion | undefined;
  for (const alternative of range.split('||')) {
    const comparators = alternative.trim().replace(/\s+-\s+/, ' <=').split(/\s+/).filter(Boolean);
    let bound: NodeVersion | undefined;
    for (const comparator of comparators) {
      const m = /^(>=|>|\^|~|=|v)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(?:\d+|x|\*))?(?:-[\w.]+)?$/.exec(comparator);
      if (!m) {
        if (/^<=?/.test(comparator)) continue; // an upper bound
        return undefined;
      }
      const major = Number(m[2]);
      const minor = m[3] === undefined || m[3] === 'x' || m[3] === '*' ? undefined : Number(m[3]);
      const v = m[1] === '>' ? (minor === undefined ? { major: major + 1, minor: 0 } : { major, minor: minor + 1 }) : { major, minor: minor ?? 0 };
      if (!bound || v.major > bound.major || (v.major === bound.major && v.minor > bound.minor)) bound = v;
    }
    if (!bound) return undefined; // this alternative allows every version
    if (!lowest || bound.major < lowest.major || (bound.major === lowest.major && bound.minor < lowest.minor)) lowest = bound;
  }
  return lowest;
}

/** The ES edition the tsconfig's `target` and `lib` name (the newer), or undefined when it sets neither. */
function typeScriptEdition(options: ts.CompilerOptions): { year: number; reason: string } | undefined {
  const editions: { year: number; reason: string }[] = [];
  const edition = (name: string) => (/esnext/i.test(name) ? 9999 : Number(/es(\d{4})/i.exec(name)?.[1] ?? (/es(5|6)\b/i.test(name) ? 2015 : NaN)));
  if (options.target !== undefined) {
    const name = ts.ScriptTarget[options.target] ?? '';
    if (!Number.isNaN(edition(name))) editions.push({ year: edition(name), reason: `tsconfig target ${name}` });
  }
  for (const lib of options.lib ?? []) {
    const name = lib.replace(/^lib\.|\.d\.ts$/g, '');
    if (!Number.isNaN(edition(name))) editions.push({ year: edition(name), reason: `tsconfig lib ${name}` });
  }
  return editions.sort((a, b) => b.year - a.year)[0];
}

/**
 * Decide the target.
 * @param option the `--target` value (undefined: detect)
 * @param texts absolute path → text of the run's files (package.json may be among them)
 * @param dir where to look for package.json (the tsconfig's folder, else the working directory)
 * @throws UsageError when `option` is not a target name (`node22`)
 */
export function chooseTarget(option: unknown, texts: ReadonlyMap<string, string>, dir: string, compilerOptions: ts.CompilerOptions): TargetChoice {
  if (option !== undefined && option !== null && option !== '') {
    const version = parseNodeTarget(option);
    if (!version) throw new UsageError(`--target must be a Node.js version like node22 or node24, not ${String(option)}`);
    return { ...version, name: nodeTargetName(version), reason: `--target ${String(option)}` };
  }
  const pkg = findPackageJson(texts, dir);
  const engines = pkg?.manifest?.engines?.node;
  if (typeof engines === 'string') {
    const version = lowestAllowedVersion(engines);
    if (version) return { ...version, name: nodeTargetName(version), reason: `${path.relative(dir, pkg!.file).split(path.sep).join('/') || 'package.json'} engines.node ${JSON.stringify(engines)}` };
  }
  const edition = typeScriptEdition(compilerOptions);
  if (edition) {
    const major = edition.year >= 2024 ? 22 : 20;
    return { major, minor: 0, name: `node${major}`, reason: edition.reason };
  }
  return { major: OLDEST_MAINTAINED_LTS, minor: 0, name: `node${OLDEST_MAINTAINED_LTS}`, reason: 'the oldest maintained Node.js LTS (no engines.node, no tsconfig lib/target)' };
}

/** Whether the program's TypeScript library declares `Array.fromAsync` (lib es2024 / esnext.array). */
export function libHasArrayFromAsync(program: ts.Program, checker: ts.TypeChecker): boolean {
  const sf = program.getSourceFiles().find((f) => !f.isDeclarationFile);
  if (!sf) return false;
  const array = checker.getSymbolsInScope(sf, ts.SymbolFlags.Value).find((s) => s.name === 'Array');
  return array ? checker.getTypeOfSymbolAtLocation(array, sf).getProperty('fromAsync') !== undefined : false;
}

/**
 * The audit asks async-migrate's own transforms what they would do, instead of re-implementing
 * their shapes: each registered transform runs on the file's text through `applyTransform`
 * (in memory; nothing is written) and its findings become fix descriptions or audit findings.
 * - fs-promises: per blocking fs call, the rewrite it applies (with the replacement text) or the
 *   reason code it refuses with → {@link AuditFix}.
 * - collapse-delegation: rewritten sites → AM608 (pure-delegation wrapper), refusals → AM609.
 * - hoist-switch-await: rewritten sites → AM610 (hoistable switch or if chain).
 * A transform that is not registered is skipped and named in the result's `skipped` list.
 */
import { diffChars } from 'diff';
import { applyTransform, type TransformModule } from '../engine/apply';
import type { Finding } from '../core/findings';
import { getReason } from '../core/reasons';
import { getTransform } from '../engine/registry';
import { getRuleOrThrow } from './rules';
import type { AuditFinding, AuditFix } from './types';

/** Options passed to the transforms (e.g. `fsModules`). */
export type TransformOptions = Record<string, unknown>;

/** The registered transform named `name`, or undefined. */
export function findTransform(name: string): TransformModule | undefined {
  return getTransform(name);
}

/**
 * Run `name` on one file and return its findings (empty when the transform is not registered or
 * does not apply). Errors thrown by the transform propagate (the audit reports them per file).
 */
export function transformFindings(name: string, file: string, source: string, options: TransformOptions): Finding[] {
  const module = findTransform(name);
  if (!module) return [];
  return applyTransform(module, file, source, options).findings;
}

/** The fix a transform finding describes, for a site. */
export function fixFromFinding(f: Finding): AuditFix {
  if (f.kind === 'rewritten') {
    return {
      description: `${f.transform} rewrites it${f.replacement ? ` to \`${f.replacement.replace(/\s*\n\s*/g, ' ')}\`` : ''} (${f.code})`,
      transform: f.transform,
      code: f.code,
      replacement: f.replacement,
    };
  }
  return { description: `${f.transform} leaves it alone: ${f.code} ${getReason(f.code).title}`, transform: f.transform, code: f.code };
}

/** The fix of a rewritten region: its description names the rule only (the region text can be long). */
function regionFix(f: Finding): AuditFix {
  return { ...fixFromFinding({ ...f, replacement: undefined }), replacement: f.replacement };
}

/** Index findings by `line:column`, and by `line` as a fallback. */
export function indexByPosition(findings: readonly Finding[]): (line: number, column: number, subject?: string) => Finding | undefined {
  const exact = new Map<string, Finding>();
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    exact.set(`${f.line}:${f.column}`, f);
    const list = byLine.get(f.line) ?? [];
    list.push(f);
    byLine.set(f.line, list);
  }
  return (line, column, subject) => {
    const hit = exact.get(`${line}:${column}`);
    if (hit) return hit;
    const candidates = byLine.get(line) ?? [];
    const bySubject = subject ? candidates.filter((c) => c.subject && subject.endsWith(c.subject)) : [];
    if (bySubject.length === 1) return bySubject[0];
    return candidates.length === 1 ? candidates[0] : undefined;
  };
}

/**
 * collapse-delegation refusals that mean "this await is needed as written", not "a wrapper that
 * could not be collapsed": `return await` inside try/catch/finally (AM506), after a `using`
 * declaration (AM507), async generators (AM508). They are not reported as AM609.
 */
const NOT_A_CANDIDATE = new Set(['AM506', 'AM507', 'AM508']);

/**
 * Audit findings from collapse-delegation (AM608, AM609) and hoist-switch-await (AM610) on one file.
 */
export function codemodFindings(file: string, source: string, options: TransformOptions): AuditFinding[] {
  const out: AuditFinding[] = [];
  const make = (rule: string, f: Finding, message: string, fix: AuditFix): AuditFinding => ({
    rule,
    severity: getRuleOrThrow(rule).severity,
    file,
    line: f.line,
    column: f.column,
    endLine: f.endLine ?? f.line,
    endColumn: f.endColumn ?? f.column,
    message,
    subject: f.subject,
    fix,
  });
  for (const f of rewrittenRegions('collapse-delegation', file, source, options)) {
    const what = f.subject ? ` ${f.subject}` : '';
    if (f.kind === 'rewritten') out.push(make('AM608', f, `pure-delegation wrapper${what}: collapse-delegation would collapse it`, regionFix(f)));
    else if (f.code.startsWith('AM5') && !NOT_A_CANDIDATE.has(f.code)) {
      out.push(make('AM609', f, `delegation candidate${what} left alone by collapse-delegation: ${f.code} ${getReason(f.code).title}`, fixFromFinding(f)));
    }
  }
  for (const f of rewrittenRegions('hoist-switch-await', file, source, options)) {
    if (f.kind === 'rewritten') out.push(make('AM610', f, `hoistable switch or if chain${f.subject ? ` (every branch awaits ${f.subject})` : ''}: hoist-switch-await would hoist the await out of its branches`, regionFix(f)));
  }
  return out;
}

/**
 * Run `name` on one file and return its findings, where each rewritten finding that reports its
 * extent (`endLine`/`endColumn`) carries `replacement`: the transform's output text for exactly that
 * region, so replacing the region [line:column, endLine:endColumn) of `source` by it reproduces the
 * transform's change there. Taken from the output, not rebuilt: outside the regions the output keeps
 * the original text, so the output is cut at those unchanged stretches (the text before the first
 * region is a prefix of the output, the text after the last one a suffix; a stretch between two
 * regions is looked up nearest to where a character diff, jsdiff `diffChars`, puts it). Text a
 * transform inserts next to a region (hoist-switch-await's temporaries before the chain and hoisted
 * `await` after it) thus belongs to that region. Regions nested in another rewritten region get no
 * replacement (the outer one covers them). The result is checked: applying every replacement to
 * `source` must give the output exactly; otherwise (a change outside every region) no finding of the
 * file gets one, and their extent is dropped.
 */
export function rewrittenRegions(name: string, file: string, source: string, options: TransformOptions): Finding[] {
  const module = findTransform(name);
  if (!module) return [];
  const { output, findings } = applyTransform(module, file, source, options);
  const stripped = findings.map((f): Finding => (f.kind === 'rewritten' ? f : withoutExtent(f)));
  if (output === undefined || output === source) return stripped.map(withoutExtent);
  const offsets = lineStarts(source);
  const toOffset = (line: number, column: number): number => (offsets[line - 1] ?? source.length) + column - 1;
  type Region = { index: number; start: number; end: number };
  const regions: Region[] = [];
  stripped.forEach((f, index) => {
    if (f.kind !== 'rewritten' || f.endLine === undefined || f.endColumn === undefined) return;
    const start = toOffset(f.line, f.column);
    const end = toOffset(f.endLine, f.endColumn);
    if (end > start && end <= source.length) regions.push({ index, start, end });
  });
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Region[] = [];
  for (const r of regions) if (!outer.some((o) => o.start <= r.start && r.end <= o.end)) outer.push(r);
  // Output = gap0 + new1 + gap1 + … + newN + gapN, where the gaps are the original text between the
  // regions. The first gap is a prefix of the output and the last one a suffix; a gap in between is
  // found where the character diff puts the end of the region before it (nearest occurrence).
  const gaps = outer.map((r, i) => source.slice(i === 0 ? 0 : outer[i - 1].end, r.start));
  const tail = source.slice(outer.length > 0 ? outer[outer.length - 1].end : 0);
  if (!output.startsWith(gaps[0] ?? '') || !output.endsWith(tail)) return stripped.map(withoutExtent);
  const limit = output.length - tail.length;
  const equal = outer.length > 1 ? equalSegments(source, output) : [];
  if (equal === undefined) return stripped.map(withoutExtent);
  const replacements = new Map<number, string>();
  let rebuilt = '';
  let cursor = 0;
  for (let i = 0; i < outer.length; i++) {
    const from = cursor + gaps[i].length;
    const to = i + 1 < outer.length ? findGap(output, gaps[i + 1], from, limit, mapOffset(equal, outer[i].end, 'last')) : limit;
    if (to === undefined || to < from) return stripped.map(withoutExtent);
    rebuilt += gaps[i] + output.slice(from, to);
    replacements.set(outer[i].index, output.slice(from, to));
    cursor = to;
  }
  rebuilt += tail;
  if (rebuilt !== output) return stripped.map(withoutExtent);
  return stripped.map((f, index) => {
    const replacement = replacements.get(index);
    return replacement === undefined ? withoutExtent(f) : { ...f, replacement };
  });
}

/** Where `gap` starts in `output` within [from, limit - gap.length], nearest to `hint`. */
function findGap(output: string, gap: string, from: number, limit: number, hint: number | undefined): number | undefined {
  let best: number | undefined;
  for (let p = output.indexOf(gap, from); p !== -1 && p + gap.length <= limit; p = output.indexOf(gap, p + 1)) {
    if (best === undefined || Math.abs(p - (hint ?? from)) < Math.abs(best - (hint ?? from))) best = p;
    if (hint === undefined || p > hint) break;
  }
  return best;
}

function withoutExtent(f: Finding): Finding {
  const { endLine: _endLine, endColumn: _endColumn, ...rest } = f;
  return rest;
}

/** Offsets where each line starts (line breaks as Babel counts them: \r\n, \n, \r, U+2028, U+2029). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) starts.push((m.index ?? 0) + m[0].length);
  return starts;
}

/** Longest the character diff may take per file (ms); past it, the file's findings get no replacement. */
const DIFF_TIMEOUT_MS = 2000;

/** Stretches the original and the output share: [originalStart, originalEnd, outputStart]. */
function equalSegments(original: string, output: string): [number, number, number][] | undefined {
  const changes = diffChars(original, output, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return undefined;
  const segments: [number, number, number][] = [];
  let a = 0;
  let b = 0;
  for (const change of changes) {
    const n = change.value.length;
    if (change.added) b += n;
    else if (change.removed) a += n;
    else {
      segments.push([a, a + n, b]);
      a += n;
      b += n;
    }
  }
  return segments;
}

/**
 * The output offset of original offset `o`, through the first (`first`: before text inserted at `o`)
 * or last (`last`: after it) shared stretch that contains it; undefined when `o` is inside a deletion.
 */
function mapOffset(segments: readonly [number, number, number][], o: number, which: 'first' | 'last'): number | undefined {
  const hits = segments.filter(([start, end]) => start <= o && o <= end);
  const hit = which === 'first' ? hits[0] : hits[hits.length - 1];
  return hit ? hit[2] + (o - hit[0]) : undefined;
}

/** Which of the codemods the audit consults are not registered (for the result's `skipped` list). */
export function missingTransforms(): string[] {
  return ['fs-promises', 'collapse-delegation', 'hoist-switch-await'].filter((n) => !findTransform(n));
}

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
import { applyTransform, type TransformModule } from '../apply';
import type { Finding } from '../findings';
import { getReasonOrThrow, REASONS, type ReasonCode } from '../reasons';
import { getTransform } from '../registry';
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

function reasonTitle(code: string): string {
  return (REASONS as Record<string, ReasonCode>)[code]?.title ?? code;
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
  return { description: `${f.transform} leaves it alone: ${f.code} ${reasonTitle(f.code)}`, transform: f.transform, code: f.code };
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
    endLine: f.line,
    endColumn: f.column,
    message,
    subject: f.subject,
    fix,
  });
  for (const f of transformFindings('collapse-delegation', file, source, options)) {
    const what = f.subject ? ` ${f.subject}` : '';
    if (f.kind === 'rewritten') out.push(make('AM608', f, `pure-delegation wrapper${what}: collapse-delegation would collapse it`, fixFromFinding(f)));
    else if (f.code.startsWith('AM5') && !NOT_A_CANDIDATE.has(f.code)) {
      getReasonOrThrow(f.code);
      out.push(make('AM609', f, `delegation candidate${what} left alone by collapse-delegation: ${f.code} ${reasonTitle(f.code)}`, fixFromFinding(f)));
    }
  }
  for (const f of transformFindings('hoist-switch-await', file, source, options)) {
    if (f.kind === 'rewritten') out.push(make('AM610', f, `hoistable switch or if chain${f.subject ? ` (every branch awaits ${f.subject})` : ''}: hoist-switch-await would hoist the await out of its branches`, fixFromFinding(f)));
  }
  return out;
}

/** Which of the codemods the audit consults are not registered (for the result's `skipped` list). */
export function missingTransforms(): string[] {
  return ['fs-promises', 'collapse-delegation', 'hoist-switch-await'].filter((n) => !findTransform(n));
}

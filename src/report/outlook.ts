/**
 * The migration outlook of an audit: what `async-migrate run` would do with the blocking calls it
 * found, from each finding's fix (the transforms' own verdicts): rewritten directly, rewritten once
 * propagate-async makes the chain async, left alone (by reason code), or not handled by any transform.
 */
import type { AuditResult } from '../audit/types';

/** Counts of blocking-call findings by what `run` would do. */
export interface MigrationOutlook {
  /** fs-promises (AM0xx) or blocking-apis (AM700–AM702) rewrites the call as it stands. */
  direct: number;
  /** The call is in a synchronous function: rewritten once propagate-async makes it async (AM106). */
  afterPropagation: number;
  /** A transform refuses the call: count per reason code. */
  leftAlone: Record<string, number>;
  /** No transform handles the call (calls outside the fs-promises and blocking-apis tables, such as `spawn`-free child_process members). */
  byHand: number;
}

const BLOCKING_RULES = new Set(['AM601', 'AM602', 'AM603', 'AM611', 'AM612', 'AM613']);
/** blocking-apis' rewrite codes (fs-promises' are AM0xx). */
const REWRITE_CODES = new Set(['AM700', 'AM701', 'AM702']);

/** Compute the outlook from the findings' fixes. */
export function migrationOutlook(result: AuditResult): MigrationOutlook {
  const outlook: MigrationOutlook = { direct: 0, afterPropagation: 0, leftAlone: {}, byHand: 0 };
  for (const f of result.findings) {
    if (!BLOCKING_RULES.has(f.rule)) continue;
    const code = f.fix?.code;
    if (!code) outlook.byHand++;
    else if (code.startsWith('AM0') || REWRITE_CODES.has(code)) outlook.direct++;
    else if (code === 'AM106') outlook.afterPropagation++;
    else outlook.leftAlone[code] = (outlook.leftAlone[code] ?? 0) + 1;
  }
  return outlook;
}

/**
 * What `run` would do with the audit's blocking calls, from its own dry run (`result.run`): one line,
 * `async-migrate run would rewrite 24 of the 71 blocking calls (4 change sets, 11 files would
 * change); 43 stay sync on purpose (AM333 ×43); 4 need a hand fix (AM101 ×1, AM102 ×1, AM105 ×2)`.
 * Falls back to {@link formatOutlook} of the transforms' per-file view when there was no dry run.
 */
export function formatRunOutlook(result: AuditResult): string | undefined {
  const run = result.run;
  if (!run) return formatOutlook(migrationOutlook(result));
  const b = run.blocking;
  const codes = (deferred: boolean) => Object.entries(run.byCode).filter(([c]) => (result.deferred ?? []).some((d) => d.code === c) === deferred).map(([c, n]) => `${c === 'none' ? 'no transform' : c} ×${n}`);
  const sets = run.changeSets.length;
  const parts = [`rewrite ${b.rewritten} of the ${b.total} blocking call${b.total === 1 ? '' : 's'} (${sets} change set${sets === 1 ? '' : 's'}, ${run.filesChanged} file${run.filesChanged === 1 ? '' : 's'} would change)`];
  if (b.deferred > 0) parts.push(`${b.deferred} stay${b.deferred === 1 ? 's' : ''} sync on purpose (${codes(true).join(', ')})`);
  if (b.handFix > 0) parts.push(`${b.handFix} need${b.handFix === 1 ? 's' : ''} a hand fix (${codes(false).join(', ')})`);
  return `async-migrate run would ${parts.join('; ')}.`;
}

/** One line: `async-migrate run would rewrite 5 blocking calls directly and up to 16 more once …; leave 1 alone (AM201 ×1)`, or undefined when there are no blocking calls. */
export function formatOutlook(o: MigrationOutlook): string | undefined {
  const left = Object.entries(o.leftAlone).sort(([a], [b]) => (a < b ? -1 : 1));
  const leftCount = left.reduce((n, [, c]) => n + c, 0);
  if (o.direct + o.afterPropagation + leftCount + o.byHand === 0) return undefined;
  const parts = [`rewrite ${o.direct} blocking call${o.direct === 1 ? '' : 's'} directly and up to ${o.afterPropagation} more once propagate-async makes their functions async (\`async-migrate plan\` says which must stay sync)`];
  if (leftCount > 0) parts.push(`leave ${leftCount} alone (${left.map(([c, n]) => `${c} ×${n}`).join(', ')})`);
  if (o.byHand > 0) parts.push(`${o.byHand} need${o.byHand === 1 ? 's' : ''} a hand fix (no transform)`);
  return `async-migrate run would ${parts.join('; ')}.`;
}

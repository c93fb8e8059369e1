/**
 * The reason-code table: closed ids, one entry per code (audit rules included), lookups.
 */
import { getReason, isReasonCode, REASONS, type ReasonCodeId } from '../src/core/reasons';
import { AUDIT_RULES, getRuleOrThrow } from '../src/audit/rules';

describe('reason codes', () => {
  it('keys each entry by its own code, AMnnn', () => {
    for (const [key, entry] of Object.entries(REASONS)) {
      expect(entry.code).toBe(key);
      expect(key).toMatch(/^AM\d{3}$/);
      expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(['code', 'explanation', 'fix', 'level', 'title']));
    }
  });

  it('isReasonCode accepts table codes only', () => {
    expect(isReasonCode('AM101')).toBe(true);
    expect(isReasonCode('AM999')).toBe(false);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode('')).toBe(false);
  });

  it('getReason returns the entry', () => {
    expect(getReason('AM901')).toBe(REASONS.AM901);
    // @ts-expect-error the set of codes is closed: an unknown code does not compile
    const unknown: ReasonCodeId = 'AM999';
    expect(isReasonCode(unknown)).toBe(false);
  });

  it('derives the audit rules from the AM6xx entries, in code order, each listed once', () => {
    const audit = Object.keys(REASONS).filter((c) => c.startsWith('AM6')).sort();
    expect(AUDIT_RULES.map((r) => r.id)).toEqual(audit);
    for (const rule of AUDIT_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(getRuleOrThrow(rule.id).reason).toBe(REASONS[rule.id]);
    }
    const withSeverity = Object.values(REASONS).filter((r) => r.severity !== undefined || r.name !== undefined).map((r) => r.code);
    expect(withSeverity.sort()).toEqual(audit);
    expect(() => getRuleOrThrow('AM101')).toThrow(/unknown audit rule AM101/);
  });
});

/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for GitHub code scanning and other
 * consumers, for both `audit` and `run`.
 *
 * - One `reportingDescriptor` per rule id (= reason code): `shortDescription` is the reason's title,
 *   `fullDescription` its explanation, `help` the explanation plus the fix (text and Markdown);
 *   `defaultConfiguration.level` from the reason's level; audit rules also carry their severity and
 *   kebab-case name.
 * - Results with physical locations (uri relative to `%SRCROOT%`, 1-based lines and columns in UTF-16
 *   code units, `columnKind: utf16CodeUnits`), `fixes` with the replacement where there is one.
 * - AM603's call chain goes into `relatedLocations`, one per step.
 * Validated against the SARIF 2.1.0 JSON schema in test/report-sarif.test.ts.
 */
import type * as Sarif from 'sarif';
import type { AuditFinding, AuditResult } from '../audit/types';
import { AUDIT_RULES, type Severity } from '../audit/rules';
import type { JsonResult, JsonFinding } from './json';
import { getReason, type ReasonCodeId, type ReasonLevel } from '../core/reasons';
import { SiteLocator } from './locate-site';

/** `$schema` written into every log. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF result level for an audit severity. */
export function levelOfSeverity(severity: Severity): Sarif.Result.level {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** The SARIF rule for a reason code. */
export function sarifRule(code: ReasonCodeId): Sarif.ReportingDescriptor {
  const reason = getReason(code);
  const audit = AUDIT_RULES.find((r) => r.id === code);
  const title = reason?.title ?? code;
  const explanation = reason?.explanation ?? title;
  const fix = reason?.fix ?? '';
  const rule: Sarif.ReportingDescriptor = {
    id: code,
    shortDescription: { text: title },
    fullDescription: { text: explanation },
    help: { text: `${explanation}\nFix: ${fix}`, markdown: `${explanation}\n\n**Fix:** ${fix}` },
    defaultConfiguration: { level: audit ? levelOfSeverity(audit.severity) : levelOfReason(reason?.level) },
  };
  if (audit) {
    rule.name = audit.name;
    rule.properties = { severity: audit.severity, tags: ['async', 'performance'] };
  }
  return rule;
}

function levelOfReason(level: ReasonLevel | undefined): Sarif.ReportingConfiguration.level {
  return level ?? 'note';
}

/** A file path as a SARIF URI relative to %SRCROOT% (forward slashes, percent-encoded segments). */
export function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function physical(file: string, region: Sarif.Region): Sarif.Location {
  return { physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' }, region } };
}

function fixOf(file: string, description: string, region: Sarif.Region, replacement: string): Sarif.Fix {
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: region, insertedContent: { text: replacement } }] }],
  };
}

function log(version: string, rules: Sarif.ReportingDescriptor[], results: Sarif.Result[], extra: Partial<Sarif.Run> = {}): Sarif.Log {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'async-migrate', version, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The working directory async-migrate ran in.' } } },
        results,
        ...extra,
      },
    ],
  };
}

function auditResult(f: AuditFinding, ruleIndex: number): Sarif.Result {
  const region: Sarif.Region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
  const result: Sarif.Result = {
    ruleId: f.rule,
    ruleIndex,
    level: levelOfSeverity(f.severity),
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix.description}` : f.message },
    locations: [physical(f.file, region)],
    properties: { severity: f.severity, ...(f.subject ? { subject: f.subject } : {}), ...(f.fix?.verdict ? { verdict: f.fix.verdict } : {}), ...(f.fix?.changeSet ? { changeSet: f.fix.changeSet } : {}) },
  };
  if (f.chain && f.chain.length > 1) {
    result.relatedLocations = f.chain.map((step, i) => ({
      id: i,
      ...physical(step.file, { startLine: step.line }),
      message: { text: i < f.chain!.length - 1 ? `${step.name} calls the next function here` : `${step.name}: the synchronous function with the blocking call` },
    }));
  }
  // a fix needs the site's extent: AM608/AM610 have it when the audit could map the region into the
  // transform's output (see rewrittenRegions); refusals (AM609) have no replacement. A rewrite that
  // applies only once its change set makes the function async is not a fix on its own: none.
  const hasExtent = f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column);
  if (f.fix?.replacement !== undefined && hasExtent && !f.fix.changeSet) {
    result.fixes = [fixOf(f.file, f.fix.description, region, f.fix.replacement)];
  }
  return result;
}

/** The SARIF log of an audit: every audit rule, one result per finding. */
export function auditToSarif(result: AuditResult): Sarif.Log {
  const rules = AUDIT_RULES.map((r) => sarifRule(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = result.findings.map((f) => auditResult(f, index.get(f.rule)!));
  const notification = (level: Sarif.Notification.level) => (e: AuditResult['errors'][number]): Sarif.Notification => ({
    level,
    message: { text: `${e.file}: ${e.message}` },
    locations: [physical(e.file, { startLine: e.line ?? 1 })],
  });
  const notifications = [...result.errors.map(notification('error')), ...(result.warnings ?? []).map(notification('warning'))];
  return log(result.tool.version, rules, results, {
    invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications }],
    properties: {
      asyncScore: result.score.overall.percent,
      asyncPathSites: result.score.overall.total,
      ...(result.score.all ? { allIoScore: result.score.all.percent } : {}),
      counts: result.counts,
      callGraph: result.callGraph.kind,
      // what `run` would do (its dry run), the phases (change sets) and deferred sites: as in the JSON report
      ...(result.run ? { run: { ...result.run.blocking, filesChanged: result.run.filesChanged, sitesRewritten: result.run.sitesRewritten, changeSets: result.run.changeSets } } : {}),
      ...(result.phases ? { phases: result.phases.map((p) => ({ order: p.order, id: p.id, files: p.files.length, functions: p.functions.length, callSites: p.callSites, rewrites: p.rewrites })) } : {}),
      ...(result.deferred ? { deferred: Object.fromEntries(result.deferred.map((d) => [d.code, d.sites.length])) } : {}),
    },
  });
}

/**
 * A replacement printed on its own (continuation lines indented from column 0) with the indentation
 * of the line it goes into added to each continuation line, so a multi-line fix keeps the file's
 * layout (issue 12).
 */
export function indentContinuation(replacement: string, original: string | undefined, line: number): string {
  if (!replacement.includes('\n') || original === undefined) return replacement;
  const indent = /^[\t ]*/.exec(original.split('\n')[line - 1] ?? '')?.[0] ?? '';
  return replacement
    .split('\n')
    .map((text, i) => (i === 0 || text.trim() === '' ? text : indent + text))
    .join('\n');
}

/**
 * The SARIF log of a run, from its `--json` document: one rule per reason code that occurs, one
 * result per finding (rewritten sites with `kind: informational` and level `none`, left-alone sites at their reason's level, engine
 * failures as `error`). Rewritten sites with a
 * replacement get a fix whose region is the original call (found by re-parsing the original text
 * with `readOriginal`; no fix when it cannot be found).
 */
export function runToSarif(json: JsonResult, version: string, readOriginal: (file: string) => string | undefined): Sarif.Log {
  const codes = [...new Set(json.findings.map((f) => f.code))].sort();
  const rules = codes.map((c) => sarifRule(c));
  const index = new Map(codes.map((c, i) => [c, i]));
  const locator = new SiteLocator(readOriginal);
  const results = json.findings.map((f: JsonFinding): Sarif.Result => {
    const rewritten = f.kind === 'rewritten';
    const result: Sarif.Result = {
      ruleId: f.code,
      ruleIndex: index.get(f.code)!,
      kind: rewritten ? 'informational' : 'fail',
      level: rewritten ? 'none' : f.level,
      message: { text: f.message },
      locations: [physical(f.file, { startLine: f.line, startColumn: f.column })],
      properties: { transform: f.transform, kind: f.kind, ...(f.subject ? { subject: f.subject } : {}) },
    };
    if (f.replacement !== undefined) {
      const range = locator.locate(f.file, f.line, f.column, f.subject);
      if (range) {
        const region = { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
        result.fixes = [fixOf(f.file, `${f.transform}: ${f.message}`, region, indentContinuation(f.replacement, readOriginal(f.file), range.line))];
      }
    }
    return result;
  });
  return log(version, rules, results, { properties: { summary: json.summary, mode: json.mode } });
}

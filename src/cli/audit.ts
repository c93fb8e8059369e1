/**
 * `async-migrate audit [paths..]`: where a codebase stands before, during and after a migration.
 *
 * Prints the async score and prioritised findings (critical / high / medium / low / info, rule ids
 * AM601–AM613) as `--format text` (default), `markdown`, `json` or `sarif`, on stdout or to
 * `-o/--output <file>`. Unless `--no-fixes`, `run`'s own pipeline runs as a dry run on the same files
 * (./audit-dry-run.ts) and gives each blocking call its fix, the phased plan by change set and the
 * deferred sites (src/audit/with-run-view.ts). Nothing is written to the audited files.
 *
 * CI gates: `--fail-under <percent>` (async score below it) and `--fail-on <severity>` (any finding
 * at that severity or worse) exit 1. `--baseline old.json` compares with a saved `--format json` run.
 *
 * Exit codes: 0 done, 1 a gate failed, 2 usage error (bad option, missing path, unreadable
 * baseline), 3 some files could not be audited (parse errors; those win over gates, as in `run`).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { compareWithBaseline, parseBaselineOrThrow, type BaselineDelta } from '../audit/baseline';
import { isSeverity, severityRank, SEVERITIES, type Severity } from '../audit/rules';
import { auditFiles } from '../audit/run-audit';
import { addRunView } from '../audit/with-run-view';
import { dryRunForAudit } from './audit-dry-run';
import type { AuditResult } from '../audit/types';
import { UsageError } from '../core/errors';
import { colorsFor, shouldColor } from '../report/colors';
import { createProgress } from '../report/progress';
import { renderAuditMarkdown } from '../audit/render-markdown';
import { renderAuditText } from '../audit/render-text';
import { auditToSarif } from '../report/sarif';
import { packageVersion } from '../report/version';
import { EXIT, info, type CliContext, type CommandFactory } from './context';
import { loadInputFiles, toList, type InputArgs } from './shared';

/** Report formats of `audit`. */
export const AUDIT_FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
/** One of {@link AUDIT_FORMATS}. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Parsed `audit` arguments. */
export interface AuditArgs extends InputArgs {
  format?: AuditFormat;
  output?: string;
  baseline?: string;
  failUnder?: number;
  failOn?: string;
  fixes?: boolean;
  callGraph?: 'auto' | 'typed' | 'syntactic';
  project?: string;
}

const createAuditCommand: CommandFactory = (ctx) => ({
  command: 'audit [paths..]',
  describe: 'Report blocking calls on async paths, floating promises and the async score (text, markdown, json, sarif)',
  builder: (y: Argv) =>
    y
      .positional('paths', { describe: 'Files, folders or globs to audit', type: 'string', array: true, default: ['.'] })
      .option('ignore', { describe: 'Skip files matching this pattern (.gitignore syntax; repeatable)', type: 'string', requiresArg: true })
      .option('fs-modules', { describe: "Module with Node's fs API whose sync calls count as fs calls, e.g. graceful-fs (repeatable)", type: 'string', requiresArg: true })
      .option('format', { alias: 'f', describe: 'Report format', choices: AUDIT_FORMATS, default: 'text' as AuditFormat })
      .option('output', { alias: 'o', describe: 'Write the report to this file instead of stdout', type: 'string', requiresArg: true })
      .option('baseline', { describe: 'Compare with a saved `--format json` audit and print the change', type: 'string', requiresArg: true })
      .option('fail-under', { describe: 'Exit 1 when the async score (percent) is below this', type: 'number', requiresArg: true })
      .option('fail-on', { describe: 'Exit 1 when there is a finding of this severity or worse', choices: SEVERITIES, requiresArg: true })
      .option('call-graph', { describe: "Call graph for reachability: typed (propagate-async's, TypeScript checker), syntactic (faster, fewer edges), auto (typed, else syntactic)", choices: ['auto', 'typed', 'syntactic'], default: 'auto' })
      .option('project', { alias: 'p', describe: 'tsconfig.json for the typed call graph (default: the nearest one)', type: 'string', requiresArg: true })
      .option('fixes', { describe: "Ask run (a dry run on the same files) for each site's fix and the phased plan by change set (--no-fixes is faster: no fixes, no phases)", type: 'boolean', default: true })
      .example('$0 audit src', 'terminal report for src/')
      .example('$0 audit src --format sarif -o audit.sarif', 'SARIF for GitHub code scanning')
      .example('$0 audit . --format json -o audit-baseline.json', 'save a baseline')
      .example('$0 audit . --baseline audit-baseline.json --fail-under 90 --fail-on high', 'in CI'),
  handler: async (argv: AuditArgs) => {
    ctx.exitCode = await auditCommand(ctx, argv);
  },
});

export default createAuditCommand;

/** Which CI gates failed, as messages (empty when none). */
export function failedGates(result: AuditResult, failUnder: number | undefined, failOn: Severity | undefined): string[] {
  const failed: string[] = [];
  if (failUnder !== undefined && result.score.overall.percent < failUnder) {
    failed.push(`async score ${result.score.overall.percent}% is below --fail-under ${failUnder}%`);
  }
  if (failOn !== undefined) {
    const n = result.findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;
    if (n > 0) failed.push(`${n} finding${n === 1 ? '' : 's'} at severity ${failOn} or worse (--fail-on ${failOn})`);
  }
  return failed;
}

/** Render `result` in `format`. */
export function renderAudit(result: AuditResult, format: AuditFormat, options: { color?: boolean; delta?: BaselineDelta } = {}): string {
  switch (format) {
    case 'markdown':
      return renderAuditMarkdown(result, options.delta);
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(auditToSarif(result), null, 2)}\n`;
    default:
      return renderAuditText(result, colorsFor(Boolean(options.color)), options.delta);
  }
}

/**
 * Run `audit` as the CLI does.
 * @returns the exit code
 * @throws UsageError for bad paths, bad gate values, an unreadable baseline or an unwritable output file
 */
export async function auditCommand(ctx: CliContext, args: AuditArgs): Promise<number> {
  const format: AuditFormat = args.format ?? 'text';
  const failUnder = args.failUnder;
  if (failUnder !== undefined && (!Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) {
    throw new UsageError(`--fail-under ${String(args.failUnder)}: give a percentage between 0 and 100`);
  }
  const failOn = args.failOn;
  if (failOn !== undefined && !isSeverity(failOn)) throw new UsageError(`--fail-on ${failOn}: give one of ${SEVERITIES.join(', ')}`);

  let baseline: AuditResult | undefined;
  if (args.baseline !== undefined) {
    const file = path.resolve(ctx.cwd, args.baseline);
    const text = await fsp.readFile(file, 'utf8').catch((error: Error) => {
      throw new UsageError(`--baseline ${args.baseline}: cannot read it (${error.message}); save one with \`async-migrate audit --format json -o ${args.baseline}\``);
    });
    try {
      baseline = parseBaselineOrThrow(text, args.baseline);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const outputFile = args.output === undefined ? undefined : path.resolve(ctx.cwd, args.output);
  if (outputFile !== undefined) {
    const dir = await fsp.stat(path.dirname(outputFile)).catch(() => undefined);
    if (!dir?.isDirectory()) throw new UsageError(`--output ${args.output}: folder ${path.dirname(String(args.output)) || '.'} does not exist`);
  }

  const { fileMap, problems } = await loadInputFiles(ctx, args);
  const inputs = fileMap.paths().map((p) => ({ path: p, text: fileMap.getOrThrow(p) }));
  let result: AuditResult;
  const progress = createProgress(ctx.quiet ? { write: () => true } : ctx.stderr, 'steps (each file: analyse, then ask the transforms)');
  try {
    result = auditFiles(inputs, {
      onProgress: (done, total) => progress.update(done, total),
      fsModules: toList(args.fsModules, true),
      consultTransforms: args.fixes !== false,
      version: packageVersion(),
      callGraph: args.callGraph ?? 'auto',
      cwd: ctx.cwd,
      project: args.project,
    });
  } catch (error) {
    // only `--call-graph typed` lets a project load error through: a configuration problem
    if (args.callGraph !== 'typed') throw error;
    throw new UsageError(`--call-graph typed: cannot load the project: ${(error as Error).message}`);
  } finally {
    progress.stop();
  }
  for (const problem of problems) result.errors.push({ file: problem.path, message: problem.message });
  if (args.fixes !== false) {
    // What `run` would do, from `run` itself (a dry run on the same files): the fixes, the plan's phases.
    const runProgress = createProgress(ctx.quiet ? { write: () => true } : ctx.stderr, "files (run's dry run)");
    try {
      addRunView(result, await dryRunForAudit(fileMap, { fsModules: args.fsModules, project: args.project }, problems, (done, total) => runProgress.update(done, total)));
    } catch (error) {
      // `run` would stop here too (a bad tsconfig): the audit goes on with the transforms' per-file view.
      result.skipped.push(`the dry run of async-migrate run failed (fixes are the transforms' per-file view, no phases): ${(error as Error).message}`);
    } finally {
      runProgress.stop();
    }
  }

  const delta = baseline ? compareWithBaseline(baseline, result) : undefined;
  const color = outputFile === undefined && format === 'text' && shouldColor(ctx.stdout.isTTY, ctx.env);
  const report = renderAudit(result, format, { color, delta });
  if (outputFile !== undefined) {
    await fsp.writeFile(outputFile, report, 'utf8').catch((error: Error) => {
      throw new UsageError(`--output ${args.output}: cannot write the report: ${error.message}`);
    });
    info(ctx, `async-migrate audit: ${result.findings.length} findings, async score ${result.score.overall.percent}%; ${format} report written to ${args.output}\n`);
  } else {
    ctx.stdout.write(report);
  }

  const gates = failedGates(result, failUnder, failOn as Severity | undefined);
  for (const gate of gates) ctx.stderr.write(`async-migrate audit: ${gate}\n`);
  if (result.errors.length > 0) {
    ctx.stderr.write(`async-migrate audit: ${result.errors.length} file${result.errors.length === 1 ? '' : 's'} could not be audited (listed in the report)\n`);
    return EXIT.failed;
  }
  return gates.length > 0 ? 1 : EXIT.ok;
}

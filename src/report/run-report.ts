/**
 * `run --report <file>`: the report a run writes beside its normal output, in the format the file
 * name asks for: `.md`/`.markdown` → the pull-request description ({@link renderPrDescription}),
 * `.sarif`/`.sarif.json` → SARIF 2.1.0 ({@link runToSarif}), `.json` → the `--json` document.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { UsageError } from '../core/errors';
import type { JsonResult } from './json';
import type { Plan } from '../core/plan';
import { renderPrDescription } from './pr-description';
import { runToSarif } from './sarif';
import { packageVersion } from './version';

/** Report formats `run --report` writes. */
export type RunReportFormat = 'markdown' | 'sarif' | 'json';

/** The format for a report file name, or undefined when the extension is not one of them. */
export function runReportFormatFor(file: string): RunReportFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.sarif') || lower.endsWith('.sarif.json')) return 'sarif';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** Inputs besides the JSON document. */
export interface RunReportContext {
  /** Original text of a file before the run (quotes for sites left alone, SARIF fix regions). */
  readOriginal: (file: string) => string | undefined;
  /** The propagate-async Plan the run made (the pipeline result's `prepared.plan`), when it made one. */
  plan?: Plan;
}

/** Render the run report for `format` (text ending in a newline). */
export async function renderRunReport(format: RunReportFormat, json: JsonResult, context: RunReportContext): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderPrDescription({ json, plan: context.plan, readOriginal: context.readOriginal });
    case 'sarif':
      return `${JSON.stringify(runToSarif(json, packageVersion(), context.readOriginal), null, 2)}\n`;
    default:
      return `${JSON.stringify(json, null, 2)}\n`;
  }
}

/**
 * Check a `--report` target before any work: a known extension and an existing folder.
 * @throws UsageError naming the option and what to do
 */
export async function assertRunReportTarget(cwd: string, shown: string): Promise<RunReportFormat> {
  const format = runReportFormatFor(shown);
  if (!format) throw new UsageError(`--report ${shown}: name the file .md (pull-request description), .sarif (SARIF 2.1.0) or .json`);
  const dir = await fsp.stat(path.dirname(path.resolve(cwd, shown))).catch(() => undefined);
  if (!dir?.isDirectory()) throw new UsageError(`--report ${shown}: folder ${path.dirname(shown) || '.'} does not exist`);
  return format;
}

/**
 * Write the run report to `shown` (relative to `cwd`), in the format its extension names.
 * @throws UsageError when the file cannot be written
 */
export async function writeRunReport(cwd: string, shown: string, json: JsonResult, context: RunReportContext): Promise<void> {
  const format = await assertRunReportTarget(cwd, shown);
  await fsp.writeFile(path.resolve(cwd, shown), await renderRunReport(format, json, context), 'utf8').catch((error: Error) => {
    throw new UsageError(`--report ${shown}: cannot write the report: ${error.message}`);
  });
}

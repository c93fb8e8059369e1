/**
 * The per-text stage: every transform of a run on one file's text, in run order, with the errors
 * caught and the output checked. Pure (no FileMap, no disk), so the pipeline (src/engine/pipeline.ts)
 * and its worker threads (src/engine/worker.ts) both call it.
 */
import type { Finding } from '../core/findings';
import type { ReasonCodeId } from '../core/reasons';
import { parseForCheck } from '../core/parser';
import type { TransformModule } from '../core/transform';
import { applyTransform } from './apply';
import { repairAsiHazards } from './asi';
import { mapFindingLines, tidyChangedLines } from './format';
import { layoutLongChangedLines } from './layout';

/** Outcome of one file. */
export type FileStatus = 'changed' | 'unchanged' | 'failed';

/** Outcome of {@link transformText}. */
export interface TextResult {
  status: FileStatus;
  /** The final text (the original unless `status` is `changed`). */
  text: string;
  findings: Finding[];
}

/**
 * Run every transform on one file's text, in order; catch errors; verify changed output re-parses.
 * Pure (no FileMap, no disk), so pipeline workers run it too.
 */
export function transformText(filePath: string, original: string, transforms: readonly TransformModule[], options: Record<string, unknown>): TextResult {
  let text = original;
  const findings: Finding[] = [];
  for (const transform of transforms) {
    try {
      const result = applyTransform(transform, filePath, text, options);
      // a later stage reports lines of an earlier stage's output: map them to the original lines
      findings.push(...mapFindingLines(result.findings, original, text));
      if (result.output !== undefined) text = result.output;
    } catch (error) {
      return { status: 'failed', text: original, findings: [failureFinding(error, filePath, transform.meta.name, text === original)] };
    }
  }
  if (text === original) return { status: 'unchanged', text, findings };
  // A statement now starting with `(`, `[` or a template must not continue the line before it.
  // Changed lines past the file's width are laid out the way Prettier would (src/engine/layout/).
  const repaired = repairAsiHazards(filePath, original, layoutLongChangedLines(filePath, original, tidyChangedLines(original, text)));
  text = repaired.text;
  try {
    if (!repaired.parsed) parseForCheck(filePath, text);
  } catch (error) {
    const where = syntaxErrorPosition(error);
    const message = `${filePath}: the transformed text does not parse (${errorMessage(error)}); the file was left unchanged`;
    return { status: 'failed', text: original, findings: [engineFinding('AM903', filePath, where ?? { line: 1, column: 1 }, message)] };
  }
  return { status: 'changed', text, findings };
}

/** The finding for an error thrown while transforming a file. */
function failureFinding(error: unknown, filePath: string, transform: string, onOriginalText: boolean): Finding {
  const where = syntaxErrorPosition(error);
  if (where && onOriginalText) return engineFinding('AM901', filePath, where, `${filePath}:${where.line}:${where.column}: ${errorMessage(error)}`, transform);
  if (where) {
    const message = `${filePath}: ${transform} could not parse the text an earlier transform produced (${errorMessage(error)}); the file was left unchanged`;
    return engineFinding('AM903', filePath, where, message, transform);
  }
  const stackLine = error instanceof Error ? error.stack?.split('\n').find((l) => l.trim().startsWith('at ')) : undefined;
  const message = `${filePath}: ${transform} threw ${errorMessage(error)}${stackLine ? ` (${stackLine.trim()})` : ''}`;
  return engineFinding('AM902', filePath, { line: 1, column: 1 }, message, transform);
}

/**
 * Position (1-based line and column) of a parser error, or undefined when `error` is not one.
 * @babel/parser throws SyntaxError with `loc: { line, column }` (0-based column) and
 * `code: 'BABEL_PARSER_SYNTAX_ERROR'`; recast rethrows it unchanged.
 */
export function syntaxErrorPosition(error: unknown): { line: number; column: number } | undefined {
  if (!(error instanceof Error)) return undefined;
  const loc = (error as Error & { loc?: { line?: unknown; column?: unknown } }).loc;
  const isParserError = error instanceof SyntaxError || (error as Error & { code?: unknown }).code === 'BABEL_PARSER_SYNTAX_ERROR';
  if (!isParserError || !loc || typeof loc.line !== 'number' || typeof loc.column !== 'number') return undefined;
  return { line: loc.line, column: loc.column + 1 };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A left-alone finding from the engine itself (AM9xx). */
export function engineFinding(code: ReasonCodeId, file: string, where: { line: number; column: number }, message: string, transform = 'engine'): Finding {
  return { transform, kind: 'left-alone', code, message, file, line: where.line, column: where.column };
}

/**
 * Inputs that would cost a run far more than they are worth: very large files and generated or
 * minified code. A 10 MB bundle makes the parser and the project analysis run out of memory; a
 * generated file would be overwritten by its generator anyway. Such files are skipped (with a reason
 * code) unless the user named them explicitly.
 *
 * Rules:
 * - **Too large** (AM911): more bytes than the limit (`--max-file-size`, default 1 MiB). Checked on
 *   the file's size before it is read.
 * - **Generated** (AM912): an `@generated` marker in a comment in the first lines (the convention of
 *   Facebook's tools, also honoured by GitHub's linguist and Phabricator), or a `sourceMappingURL`
 *   comment (compiler or bundler output) in a file with a line longer than 500 characters.
 * - **Minified** (AM912): a line longer than 20,000 characters, or lines averaging more than 110
 *   characters (the threshold GitHub's linguist uses for minified files) in a file with a line longer
 *   than 1,000 characters (so hand-written code with long lines is kept).
 */

/** Default `--max-file-size`: 1 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const HEADER_CHARS = 2048;
const GENERATED_MARKER = /(?:\/\/|\/\*|^\s*\*)[^\n]*@generated\b/m;
const SOURCE_MAP_COMMENT = /^\s*\/[/*][#@]\s*sourceMappingURL=/m;
const SOURCE_MAP_LONG_LINE = 500;
const MINIFIED_LINE = 20_000;
const LONG_LINE = 1_000;
const MINIFIED_AVERAGE = 110;

/** Why a file is skipped, or undefined. */
export interface SkipReason {
  code: 'AM911' | 'AM912';
  /** One line naming the file and the rule. */
  message: string;
}

/** AM911 when `size` bytes exceed `limit`. */
export function checkFileSize(filePath: string, size: number, limit: number): SkipReason | undefined {
  if (size <= limit) return undefined;
  return { code: 'AM911', message: `${filePath}: ${formatBytes(size)}, above the size limit of ${formatBytes(limit)}; skipped (name it explicitly or raise --max-file-size to read it)` };
}

/** AM912 when `text` looks generated or minified (rules in the file comment). */
export function checkGenerated(filePath: string, text: string): SkipReason | undefined {
  const skip = (why: string): SkipReason => ({ code: 'AM912', message: `${filePath}: looks ${why}; skipped (name it explicitly to read it)` });
  if (GENERATED_MARKER.test(text.slice(0, HEADER_CHARS))) return skip('generated (an @generated marker in its header)');
  const { longest, average } = lineLengths(text);
  if (longest > MINIFIED_LINE) return skip(`minified (a line of ${longest} characters)`);
  if (longest > LONG_LINE && average > MINIFIED_AVERAGE) return skip(`minified (lines of ${Math.round(average)} characters on average)`);
  if (longest > SOURCE_MAP_LONG_LINE && SOURCE_MAP_COMMENT.test(text)) return skip(`generated (a sourceMappingURL comment and a line of ${longest} characters)`);
  return undefined;
}

/** Longest line and average line length, in characters, without splitting the text into an array. */
function lineLengths(text: string): { longest: number; average: number } {
  let longest = 0;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    longest = Math.max(longest, end - start);
    lines++;
    start = end + 1;
  }
  return { longest, average: text.length / Math.max(lines, 1) };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

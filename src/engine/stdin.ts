/**
 * `-` as the input path: the source comes from standard input and the transformed source goes to
 * standard output (Prettier's and ESLint's convention). `--stdin-filepath <path>` says which file the
 * text stands for: its extension picks the parser and, with the nearest package.json, the module type
 * (src/core/module-type.ts); the file need not exist. Without it the text is taken as `stdin.js` in the
 * working directory.
 *
 * `-` is the only input then: mixed with paths (`run lib/index.js -`) it is a usage error, never a
 * reason to read the whole tree.
 */
import * as path from 'path';
import { UsageError } from '../core/errors';
import { isSourceFile, toDisplayPath } from './discover';
import { FileMap, type LoadProblem } from './filemap';

/**
 * What the CLI passes for a lone `-` argument (yargs would drop `-` itself; src/cli/index.ts maps it).
 * Inputs may hold either.
 */
export const STDIN_ARG = '<stdin>';

/** The display path used when `--stdin-filepath` is not given. */
export const DEFAULT_STDIN_FILEPATH = 'stdin.js';

/** Whether `inputs` ask for standard input; throws when `-` is mixed with paths. */
export function isStdinInput(inputs: readonly string[]): boolean {
  const isStdin = (i: string) => i === '-' || i === STDIN_ARG;
  if (!inputs.some(isStdin)) return false;
  if (inputs.length > 1) {
    const others = inputs.filter((i) => !isStdin(i));
    if (others.length === 0) throw new UsageError('-: standard input can be read only once');
    throw new UsageError(`-: standard input cannot be mixed with paths (${others.join(' ')}); run them separately`);
  }
  return true;
}

/**
 * Read all of `stream` as UTF-8 text.
 * @throws UsageError when the bytes are not valid UTF-8
 */
export async function readStdinText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  const bytes = Buffer.concat(chunks);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) throw new UsageError('-: standard input is not valid UTF-8 text');
  return text;
}

/**
 * A FileMap holding standard input's text under the display path of `stdinFilepath`.
 * @param cwd absolute working directory
 * @param stdinFilepath `--stdin-filepath` (relative to `cwd`), or undefined for {@link DEFAULT_STDIN_FILEPATH}
 * @throws UsageError when the path has no source extension or the input is not UTF-8
 */
export async function loadStdinInput(cwd: string, stdinFilepath: string | undefined, stream: NodeJS.ReadableStream = process.stdin): Promise<{ fileMap: FileMap; problems: LoadProblem[] }> {
  const shown = stdinFilepath ?? DEFAULT_STDIN_FILEPATH;
  const abs = path.resolve(cwd, shown);
  if (!isSourceFile(abs)) throw new UsageError(`--stdin-filepath ${shown}: not a JavaScript or TypeScript file name (its extension picks the parser)`);
  const fileMap = new FileMap(cwd);
  fileMap.add(toDisplayPath(cwd, abs), await readStdinText(stream));
  return { fileMap, problems: [] };
}

/**
 * Colour decision for one output stream, via picocolors.
 *
 * Colours are on only when the stream is a terminal (and TERM is not `dumb`), or when FORCE_COLOR is
 * set; NO_COLOR (https://no-color.org: any non-empty value) always turns them off. picocolors' own
 * default also turns colours on under CI, which would put escape codes into logs and piped output,
 * so the decision is made here, per stream.
 */
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';

/** Whether to colour output written to a stream with this `isTTY`, under environment `env`. */
export function shouldColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/** picocolors formatters, enabled or not. */
export function colorsFor(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Colour a unified diff for a terminal: headers bold, hunk headers cyan, removals red, additions green. */
export function colorizePatch(patch: string, c: Colors): string {
  if (!c.isColorSupported) return patch;
  return patch.replace(/^.*$/gm, (line) => {
    if (line.startsWith('diff --git') || line.startsWith('--- ') || line.startsWith('+++ ')) return c.bold(line);
    if (line.startsWith('@@')) return c.cyan(line);
    if (line.startsWith('-')) return c.red(line);
    if (line.startsWith('+')) return c.green(line);
    return line;
  });
}

/**
 * Automatic semicolon insertion hazards a rewrite introduced, repaired.
 *
 * In a file without semicolons, a statement that now starts with `(`, `[` or a template literal —
 * `(await load()).x` after `await exec(cmd)` on the line before — continues the previous line:
 * ASI does not end a statement before those tokens (ECMAScript, "Rules of Automatic Semicolon
 * Insertion"; ESLint's no-unexpected-multiline names the same shapes). The output still parses, but
 * as one call, so the re-parse check cannot see it. Every transform can produce one (an `await`
 * wrapped in parentheses, a restructured callback), so the engine looks at the final text: a call,
 * computed member access or tagged template whose `(`, `[` or `` ` `` begins a line, after a line
 * break from what it applies to, and that the original text did not already have, gets a `;` in front
 * of it — the way files without semicolons write it: `;(await load()).x`.
 */
import { parse as babelParse } from '@babel/parser';
import { babelOptionsFor, parserNameFor } from '../core/parser';

type BabelNode = { type: string; start?: number | null; end?: number | null; [key: string]: unknown };

/** Offset of the first `open` character at or after `from`, skipping whitespace and comments; -1 if something else comes first. */
function openingAfter(text: string, from: number, open: string): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === open) return i;
    if (/\s/.test(c)) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (c === '?' && text[i + 1] === '.') return -1; // optional call or access: explicit, no hazard
    else return -1;
  }
  return -1;
}

/**
 * Offsets in `text` where a `(`, `[` or `` ` `` that continues the previous line's expression begins
 * a line; undefined when `text` does not parse.
 */
function hazards(filePath: string, text: string): number[] | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let ast: BabelNode;
  try {
    ast = babelParse(text.slice(bom), { ...babelOptionsFor(parserNameFor(filePath)), tokens: false }) as unknown as BabelNode;
  } catch {
    return undefined;
  }
  const found: number[] = [];
  const check = (before: BabelNode | undefined, open: string, at?: number): void => {
    if (!before || typeof before.end !== 'number') return;
    const p = at ?? openingAfter(text, before.end + bom, open);
    if (p < 0) return;
    const lineStart = text.lastIndexOf('\n', p - 1) + 1;
    if (text.slice(lineStart, p).trim() !== '') return;
    if (!text.slice(before.end + bom, p).includes('\n')) return;
    found.push(p);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as BabelNode;
    if (typeof n.type === 'string') {
      if ((n.type === 'CallExpression' || n.type === 'NewExpression') && !n.optional && !n.typeParameters && !n.typeArguments) check(n.callee as BabelNode, '(');
      else if (n.type === 'MemberExpression' && n.computed && !n.optional) check(n.object as BabelNode, '[');
      else if (n.type === 'TaggedTemplateExpression' && !n.typeParameters) {
        const quasi = n.quasi as BabelNode;
        if (typeof quasi.start === 'number') check(n.tag as BabelNode, '`', quasi.start + bom);
      }
    }
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
      const value = n[key];
      if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return found;
}

const lineFrom = (text: string, at: number): string => {
  const end = text.indexOf('\n', at);
  return text.slice(at, end === -1 ? text.length : end).trim();
};

/** What {@link repairAsiHazards} returns. */
export interface AsiRepair {
  text: string;
  /** True when `text` itself was parsed here (so the caller's re-parse check is done already). */
  parsed: boolean;
}

/**
 * Put a `;` before every line-starting `(`, `[` or `` ` `` of `output` that continues the line
 * before it, unless `original` has the same line continuing the same way (written on purpose).
 * @param filePath picks the parser (by extension)
 * @returns `output`, repaired; unchanged when it has no new hazard or does not parse
 */
export function repairAsiHazards(filePath: string, original: string, output: string): AsiRepair {
  if (!/\n\s*[([`]/.test(output)) return { text: output, parsed: false };
  const fresh = hazards(filePath, output);
  if (!fresh || fresh.length === 0) return { text: output, parsed: fresh !== undefined };
  const kept = new Map<string, number>();
  for (const at of hazards(filePath, original) ?? []) kept.set(lineFrom(original, at), (kept.get(lineFrom(original, at)) ?? 0) + 1);
  let repaired = output;
  for (const at of fresh.sort((a, b) => b - a)) {
    const line = lineFrom(output, at);
    const left = kept.get(line) ?? 0;
    if (left > 0) {
      kept.set(line, left - 1);
      continue;
    }
    repaired = `${repaired.slice(0, at)};${repaired.slice(at)}`;
  }
  return { text: repaired, parsed: repaired === output };
}

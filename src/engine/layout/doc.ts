/**
 * A small document layout algebra for laying out code at a width, after Wadler's "A prettier
 * printer" and the document model Prettier describes in its docs (commands.md: `group`, `indent`,
 * `line`, `softline`, `hardline`, `ifBreak`, `indentIfBreak`, `conditionalGroup`, `breakParent`).
 * Written for async-migrate; the semantics follow that public description so that the layout of the
 * lines a migration changed matches what Prettier prints for them:
 * - a `group` is printed flat when its contents, and what follows up to the next possible line
 *   break, fit in the remaining width; else its lines break (each group decides again inside);
 * - a group containing a hard line (a `verbatim` text of several lines, or `breakParent`) always
 *   breaks, and so do the groups around it, up to a `conditionalGroup`;
 * - a `conditionalGroup` tries its states in order and takes the first that fits (the last one,
 *   broken, when none does).
 */

/** A layout document. Strings never contain a line break (multi-line text is `verbatim`). */
export type Doc = string | Doc[] | DocNode;

type DocNode =
  | { kind: 'group'; contents: Doc; broken: boolean; id?: symbol; states?: Doc[] }
  | { kind: 'indent'; contents: Doc }
  | { kind: 'line'; soft: boolean; hard: boolean }
  | { kind: 'if-break'; broken: Doc; flat: Doc; groupId?: symbol }
  | { kind: 'indent-if-break'; contents: Doc; groupId: symbol }
  | { kind: 'break-parent' }
  | { kind: 'verbatim'; lines: string[] };

/** `contents` on one line when it fits, else broken (`shouldBreak`: always broken). */
export const group = (contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc => ({ kind: 'group', contents, broken: options.shouldBreak === true, id: options.id });
/** The first of `states` that fits (flat), else the last one broken. */
export const conditionalGroup = (states: Doc[]): Doc => ({ kind: 'group', contents: states[0], broken: false, states });
/** `contents` one indentation level deeper (after its line breaks). */
export const indent = (contents: Doc): Doc => ({ kind: 'indent', contents });
/** A space, or a line break when the enclosing group breaks. */
export const line: Doc = { kind: 'line', soft: false, hard: false };
/** Nothing, or a line break when the enclosing group breaks. */
export const softline: Doc = { kind: 'line', soft: true, hard: false };
/** Breaks the enclosing groups. */
export const breakParent: Doc = { kind: 'break-parent' };
/** A line break that is always taken (and breaks the enclosing groups). */
export const hardline: Doc = [{ kind: 'line', soft: false, hard: true }, breakParent];
/** `broken` when the enclosing group (or the group `groupId`) breaks, else `flat`. */
export const ifBreak = (broken: Doc, flat: Doc = '', groupId?: symbol): Doc => ({ kind: 'if-break', broken, flat, groupId });
/** `contents` indented when the group `groupId` broke. */
export const indentIfBreak = (contents: Doc, groupId: symbol): Doc => ({ kind: 'indent-if-break', contents, groupId });
/**
 * Text of several lines kept as written: the first line where it lands, each later line at the
 * current indentation plus what it had beyond `baseIndent` (the indentation of the line the text
 * started on). Breaks the enclosing groups.
 */
export const verbatim = (text: string, baseIndent: string): Doc => {
  const lines = text.split('\n');
  if (lines.length === 1) return lines[0];
  return [{ kind: 'verbatim', lines: [lines[0], ...lines.slice(1).map((l) => (l.startsWith(baseIndent) ? l.slice(baseIndent.length) : l.trimStart()))] }, breakParent];
};

/** Mark every group that contains a hard break as broken (not through conditional groups). @returns whether `doc` contains one */
function propagateBreaks(doc: Doc, seen = new Set<Doc>()): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.map((d) => propagateBreaks(d, seen)).some(Boolean);
  switch (doc.kind) {
    case 'break-parent':
    case 'verbatim':
      return doc.kind === 'break-parent';
    case 'line':
      return false;
    case 'if-break':
      return [propagateBreaks(doc.broken, seen), propagateBreaks(doc.flat, seen)].some(Boolean);
    case 'indent':
    case 'indent-if-break':
      return propagateBreaks(doc.contents, seen);
    case 'group': {
      if (seen.has(doc)) return doc.broken;
      seen.add(doc);
      if (doc.states) {
        for (const state of doc.states) propagateBreaks(state, seen);
        return false;
      }
      if (propagateBreaks(doc.contents, seen)) doc.broken = true;
      return doc.broken;
    }
  }
}

type Mode = 'flat' | 'break';
interface Command {
  indent: string;
  mode: Mode;
  doc: Doc;
}

/** Options of {@link printDoc}. */
export interface PrintDocOptions {
  /** Columns per line (Prettier's `printWidth`). */
  width: number;
  /** One indentation level (`\t` or spaces). */
  unit: string;
  /** Columns a tab counts for when measuring. */
  tabWidth: number;
  /** Indentation of the first line (the statement's own). */
  baseIndent: string;
  /** Columns already used on the first line before the document starts. */
  startColumn: number;
}

const widthOf = (text: string, tabWidth: number): number => {
  let columns = 0;
  for (const c of text) columns += c === '\t' ? tabWidth : 1;
  return columns;
};

/** Does `next`, followed by `rest` up to the first line break in a broken group, fit in `width` columns? */
function fits(next: Command, rest: readonly Command[], width: number, groupModes: Map<symbol, Mode>, tabWidth: number): boolean {
  let restIndex = rest.length;
  const stack: Array<{ mode: Mode; doc: Doc }> = [next];
  let remaining = width;
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (typeof doc === 'string') {
      remaining -= widthOf(doc, tabWidth);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i] });
      continue;
    }
    switch (doc.kind) {
      case 'indent':
      case 'indent-if-break':
        stack.push({ mode, doc: doc.contents });
        break;
      case 'group': {
        const groupMode: Mode = doc.broken ? 'break' : mode;
        stack.push({ mode: groupMode, doc: doc.states && groupMode === 'break' ? doc.states[doc.states.length - 1] : doc.contents });
        break;
      }
      case 'if-break': {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? 'flat') : mode;
        stack.push({ mode, doc: groupMode === 'break' ? doc.broken : doc.flat });
        break;
      }
      case 'line':
        if (mode === 'break' || doc.hard) return true;
        if (!doc.soft) remaining -= 1;
        break;
      case 'verbatim':
        remaining -= widthOf(doc.lines[0], tabWidth);
        return remaining >= 0;
      case 'break-parent':
        break;
    }
  }
  return false;
}

/**
 * Lay `doc` out at `options.width`.
 * @returns the text; later lines start with their full indentation; no trailing line break
 */
export function printDoc(doc: Doc, options: PrintDocOptions): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let column = options.startColumn;
  const commands: Command[] = [{ indent: options.baseIndent, mode: 'break', doc }];
  const newline = (indentation: string) => {
    while (out.length > 0 && /[ \t]$/.test(out[out.length - 1])) out[out.length - 1] = out[out.length - 1].replace(/[ \t]+$/, '');
    out.push('\n' + indentation);
    column = widthOf(indentation, options.tabWidth);
  };
  while (commands.length > 0) {
    const { indent: ind, mode, doc: current } = commands.pop()!;
    if (typeof current === 'string') {
      out.push(current);
      column += widthOf(current, options.tabWidth);
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: current[i] });
      continue;
    }
    switch (current.kind) {
      case 'indent':
        commands.push({ indent: ind + options.unit, mode, doc: current.contents });
        break;
      case 'indent-if-break':
        commands.push({ indent: groupModes.get(current.groupId) === 'break' ? ind + options.unit : ind, mode, doc: current.contents });
        break;
      case 'group':
        commands.push(chooseGroupMode(current, ind, mode, commands, options.width - column, groupModes, options.tabWidth));
        if (current.id) groupModes.set(current.id, commands[commands.length - 1].mode);
        break;
      case 'if-break': {
        const groupMode = current.groupId ? (groupModes.get(current.groupId) ?? 'flat') : mode;
        commands.push({ indent: ind, mode, doc: groupMode === 'break' ? current.broken : current.flat });
        break;
      }
      case 'line':
        if (mode === 'flat' && !current.hard) {
          if (!current.soft) {
            out.push(' ');
            column += 1;
          }
        } else newline(ind);
        break;
      case 'verbatim':
        out.push(current.lines[0]);
        for (const later of current.lines.slice(1)) {
          if (later.length === 0) out.push('\n');
          else newline(ind);
          out.push(later);
          column += widthOf(later, options.tabWidth);
        }
        break;
      case 'break-parent':
        break;
    }
  }
  return out.join('');
}

/** The command for a group: flat when it fits, else the first conditional state that fits, else broken. */
function chooseGroupMode(
  doc: Extract<DocNode, { kind: 'group' }>,
  ind: string,
  mode: Mode,
  rest: readonly Command[],
  remaining: number,
  groupModes: Map<symbol, Mode>,
  tabWidth: number,
): Command {
  if (mode === 'flat') return { indent: ind, mode: doc.broken ? 'break' : 'flat', doc: doc.contents };
  const flat: Command = { indent: ind, mode: 'flat', doc: doc.contents };
  if (!doc.broken && fits(flat, rest, remaining, groupModes, tabWidth)) return flat;
  if (!doc.states) return { indent: ind, mode: 'break', doc: doc.contents };
  const last = doc.states[doc.states.length - 1];
  if (doc.broken) return { indent: ind, mode: 'break', doc: last };
  for (const state of doc.states.slice(1)) {
    const attempt: Command = { indent: ind, mode: 'flat', doc: state };
    if (fits(attempt, rest, remaining, groupModes, tabWidth)) return attempt;
  }
  return { indent: ind, mode: 'break', doc: last };
}


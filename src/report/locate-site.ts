/**
 * Recover the source range of a transform finding, which records only where a site starts
 * (Finding has line and column, no end): the smallest call expression that starts at that position
 * and whose callee names the finding's subject, or else the smallest expression starting there.
 * Used to give SARIF `fixes` a region to replace. Parses with Babel only (no recast tree).
 */
import { parse } from '@babel/parser';
import { babelOptionsFor, parserNameFor } from '../core/parser';

/** A 1-based range, end column exclusive. */
export interface SiteRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

/** Parses each source once per locator. */
export class SiteLocator {
  private readonly trees = new Map<string, AnyNode | null>();

  constructor(private readonly readSource: (file: string) => string | undefined) {}

  private treeOf(file: string): AnyNode | null {
    if (!this.trees.has(file)) {
      const text = this.readSource(file);
      let tree: AnyNode | null = null;
      if (text !== undefined) {
        try {
          tree = parse(text, { ...babelOptionsFor(parserNameFor(file)), tokens: false, errorRecovery: false });
        } catch {
          tree = null;
        }
      }
      this.trees.set(file, tree);
    }
    return this.trees.get(file) ?? null;
  }

  /** The range of the site at `line:column` (1-based) in `file`, or undefined when none is found. */
  locate(file: string, line: number, column: number, subject?: string): SiteRange | undefined {
    const tree = this.treeOf(file);
    if (!tree) return undefined;
    const calls: AnyNode[] = [];
    const others: AnyNode[] = [];
    const visit = (node: AnyNode): void => {
      if (!node || typeof node.type !== 'string' || !node.loc) return;
      const { start, end } = node.loc;
      if (start.line > line || end.line < line) return;
      if (start.line === line && start.column === column - 1) {
        if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') calls.push(node);
        else if (/Expression$|Identifier$/.test(node.type)) others.push(node);
      }
      for (const key of Object.keys(node)) {
        if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
        const v = node[key];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
      }
    };
    visit(tree.program);
    const size = (n: AnyNode) => n.end - n.start;
    const named = subject ? calls.filter((c) => calleeNames(c.callee).includes(subject)) : calls;
    const pick = (named.length ? named : calls).sort((a, b) => size(a) - size(b))[0] ?? others.sort((a, b) => size(b) - size(a))[0];
    if (!pick) return undefined;
    return { line: pick.loc.start.line, column: pick.loc.start.column + 1, endLine: pick.loc.end.line, endColumn: pick.loc.end.column + 1 };
  }
}

function calleeNames(callee: AnyNode): string[] {
  const names: string[] = [];
  let n = callee;
  while (n) {
    if (n.type === 'Identifier') {
      names.push(n.name);
      break;
    }
    if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
      if (n.property.type === 'Identifier') names.push(n.property.name);
      else if (n.property.type === 'StringLiteral') names.push(n.property.value);
      n = n.object;
    } else break;
  }
  return names;
}

/**
 * The names the rewritten calls use, and the text edits that bring them into the file, in its own
 * style (ES `import` or CommonJS `require`, the `node:` prefix when the file uses it, its quotes and
 * semicolons):
 * - the promisified function: an existing `const execAsync = promisify(exec)` is reused; else
 *   `const execAsync = promisify(exec);` is added after the statement that binds `exec` (one per
 *   function per file), `exec` reached through the module binding the call used (`cp.exec`), an
 *   existing named binding, or added to the call's named import list (`{ execSync }` → `{ exec }` when
 *   execSync is no longer used, else `{ execSync, exec }`);
 * - `promisify` from util (reused when imported), `setTimeout` from timers/promises (imported as
 *   `sleep` when the file uses the global `setTimeout`).
 * Named sync bindings the rewrite leaves unused are removed.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { BlockingApi } from '../../src/core/blocking-api';
import { isBindingOrReference } from '../lib/bindings';
import type { ModuleBinding } from './find-bindings';
import { refersToBinding, type BlockingSite } from './find-sites';
import { requiredModule } from '../fs-promises/find-fs-bindings';

/** One text edit on the original source: replace `start`…`end` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Order among insertions at the same offset (lower first). */
  order?: number;
}

/** The file's writing conventions for new statements. */
export interface ImportStyle {
  quote: string;
  semicolon: string;
  eol: string;
  /** `import` statements (ES modules, TypeScript) or `require` calls. */
  esm: boolean;
  /** Whether new specifiers take the `node:` prefix. */
  nodePrefix: boolean;
  /** TypeScript: bindings of overloaded callback forms get the table's signature (`as …`). */
  typescript: boolean;
}

type AnyNode = { type: string; start: number; end: number; [key: string]: unknown };

/** Plans the names and the import edits of one file; see the module docblock. */
export class ImportPlanner {
  readonly edits: TextEdit[] = [];
  private readonly promisified = new Map<string, string>();
  private promisifyName: string | undefined;
  private promisifyAnchor: AnyNode | undefined;
  private sleepName: string | undefined;
  private readonly callbackRefs = new Map<string, { ref: string; anchor?: AnyNode }>();
  private readonly renamed = new Set<ModuleBinding>();
  private order = 0;

  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection,
    private readonly source: string,
    private readonly bindings: ModuleBinding[],
    private readonly used: Set<string>,
    private readonly style: ImportStyle,
    /** Named sync bindings whose every reference is rewritten. */
    private readonly unusedAfter: ReadonlySet<ModuleBinding>,
  ) {}

  private freeName(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(name); n++) name = `${wanted}${n}`;
    this.used.add(name);
    return name;
  }

  private spec(module: string): string {
    return `${this.style.quote}${this.style.nodePrefix ? 'node:' : ''}${module}${this.style.quote}`;
  }

  /** The end of the import block: after the last top-level import (ES modules), else undefined. */
  private lastImport(): AnyNode | undefined {
    const body = (this.root.get().node as { program: { body: AnyNode[] } }).program.body;
    const imports = body.filter((s) => s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration' || (s.type === 'VariableDeclaration' && (s.declarations as AnyNode[]).some((d) => requiredModule(d.init) !== undefined)));
    return imports[imports.length - 1];
  }

  private firstStatement(): AnyNode | undefined {
    return (this.root.get().node as { program: { body: AnyNode[] } }).program.body[0];
  }

  /** Insert `text` as a statement after `anchor` (or before the first statement). */
  private insertStatement(anchor: AnyNode | undefined, text: string, isConst = false): void {
    if (anchor) this.edits.push({ start: anchor.end, end: anchor.end, text: `${this.style.eol}${text}`, order: (isConst ? 100000 : 0) + this.order++ });
    else {
      const first = this.firstStatement();
      const at = first?.start ?? this.source.length;
      this.edits.push({ start: at, end: at, text: `${text}${this.style.eol}`, order: (isConst ? 100000 : 0) + this.order++ });
    }
  }

  /** A new `import { name as local } from 'm'` / `const { name: local } = require('m')` statement. */
  private importStatement(module: string, name: string, local: string): string {
    const { semicolon } = this.style;
    if (this.style.esm) return `import { ${name === local ? name : `${name} as ${local}`} } from ${this.spec(module)}${semicolon}`;
    return `const { ${name === local ? name : `${name}: ${local}`} } = require(${this.spec(module)})${semicolon}`;
  }

  /** The later of two statements. */
  private static later(a: AnyNode | undefined, b: AnyNode | undefined): AnyNode | undefined {
    if (!a) return b;
    if (!b) return a;
    return a.end >= b.end ? a : b;
  }

  /** The expression for util's promisify, and the statement that binds it (for placing consts after it). */
  private promisifyRef(anchor: AnyNode | undefined): { ref: string; anchor?: AnyNode } {
    const named = this.bindings.find((b) => b.module === 'util' && b.kind === 'named' && b.imported === 'promisify');
    if (named) return { ref: named.local, anchor: named.statement.node };
    const ns = this.bindings.find((b) => b.module === 'util' && b.kind === 'namespace');
    if (ns) return { ref: `${ns.local}.promisify`, anchor: ns.statement.node };
    if (!this.promisifyName) {
      this.promisifyName = this.freeName('promisify');
      // ES imports go with the imports; a require goes just before the first const that uses it.
      this.promisifyAnchor = this.style.esm ? undefined : anchor;
      this.insertStatement(this.style.esm ? this.lastImport() : anchor, this.importStatement('util', 'promisify', this.promisifyName));
    }
    return { ref: this.promisifyName, anchor: this.promisifyAnchor };
  }

  /** The expression for the callback form (`exec`, `cp.exec`), adding it to a named import list when needed. */
  private callbackRef(site: BlockingSite, api: BlockingApi): { ref: string; anchor?: AnyNode } {
    const callback = api.callback as string;
    if (site.via === 'namespace') return { ref: `${site.binding!.local}.${callback}`, anchor: site.binding!.statement.node };
    if (site.via === 'inline') return { ref: `${site.inlineModule}.${callback}` };
    const key = `${api.module}:${callback}`;
    const known = this.callbackRefs.get(key);
    if (known) return known;
    const existing = this.bindings.find((b) => b.module === api.module && b.kind === 'named' && b.imported === callback);
    const ns = this.bindings.find((b) => b.module === api.module && b.kind === 'namespace' && b.form !== 'import-equals');
    let result: { ref: string; anchor?: AnyNode };
    if (existing) result = { ref: existing.local, anchor: existing.statement.node };
    else if (ns) result = { ref: `${ns.local}.${callback}`, anchor: ns.statement.node };
    else {
      const binding = site.binding!;
      const local = this.freeName(callback);
      const esm = binding.form === 'import';
      const specifier = local === callback ? callback : esm ? `${callback} as ${local}` : `${callback}: ${local}`;
      const holder = binding.holder!.node as AnyNode;
      if (this.unusedAfter.has(binding) && !this.renamed.has(binding)) {
        this.edits.push({ start: holder.start, end: holder.end, text: specifier });
        this.renamed.add(binding);
      } else this.edits.push({ start: holder.end, end: holder.end, text: `, ${specifier}`, order: this.order++ });
      result = { ref: local, anchor: binding.statement.node };
    }
    this.callbackRefs.set(key, result);
    return result;
  }

  /** Find `const x = promisify(ref)` (or `util.promisify(ref)`) at the top level. */
  private existingPromisified(callbackRefs: readonly string[]): string | undefined {
    let found: string | undefined;
    this.root.find(this.j.VariableDeclarator).forEach((d) => {
      const statement = d.parent as ASTPath;
      if (found || statement.parent?.node.type !== 'Program' || d.node.id.type !== 'Identifier') return;
      const init = d.node.init as AnyNode | null;
      if (!init || init.type !== 'CallExpression' || (init.arguments as unknown[]).length !== 1) return;
      const callee = this.source.slice((init.callee as AnyNode).start, (init.callee as AnyNode).end);
      const util = this.bindings.filter((b) => b.module === 'util');
      const isPromisify = util.some((b) => (b.kind === 'named' && b.imported === 'promisify' && callee === b.local) || (b.kind === 'namespace' && callee === `${b.local}.promisify`)) || /^require\((['"])(node:)?util\1\)\.promisify$/.test(callee);
      const arg = (init.arguments as AnyNode[])[0];
      if (isPromisify && callbackRefs.includes(this.source.slice(arg.start, arg.end).replace(/\s+/g, ''))) found = d.node.id.name;
    });
    return found;
  }

  /** The name of the promisified callback form for `site` (`execAsync`), added when missing. */
  promisifiedName(site: BlockingSite): string {
    const api = site.api as BlockingApi;
    const callback = api.callback as string;
    const key = `${api.module}:${callback}`;
    const cached = this.promisified.get(key);
    if (cached) return cached;
    const refs = [
      ...this.bindings.filter((b) => b.module === api.module && b.kind === 'named' && b.imported === callback).map((b) => b.local),
      ...this.bindings.filter((b) => b.module === api.module && b.kind === 'namespace').map((b) => `${b.local}.${callback}`),
      `require(${this.style.quote}${api.module}${this.style.quote}).${callback}`,
      `require(${this.style.quote}node:${api.module}${this.style.quote}).${callback}`,
    ];
    let name = this.existingPromisified(refs);
    if (!name) {
      const callbackRef = this.callbackRef(site, api);
      const promisify = this.promisifyRef(callbackRef.anchor);
      const anchor = ImportPlanner.later(ImportPlanner.later(callbackRef.anchor, promisify.anchor), this.style.esm ? this.lastImport() : undefined);
      name = this.freeName(`${callback}Async`);
      // const scryptAsync = promisify(scrypt) as (password: …) => Promise<Buffer>;
      const typed = this.style.typescript && api.tsSignature ? ` as ${api.tsSignature(this.spec(api.module))}` : '';
      this.insertStatement(anchor, `const ${name} = ${promisify.ref}(${callbackRef.ref})${typed}${this.style.semicolon}`, true);
    }
    this.promisified.set(key, name);
    return name;
  }

  /** The name to call for a sleep: `setTimeout` from timers/promises (or `sleep` when the global is used). */
  sleepFunction(): string {
    if (this.sleepName) return this.sleepName;
    const named = this.bindings.find((b) => b.module === 'timers/promises' && b.kind === 'named' && b.imported === 'setTimeout');
    const ns = this.bindings.find((b) => b.module === 'timers/promises' && b.kind === 'namespace');
    if (named) this.sleepName = named.local;
    else if (ns) this.sleepName = `${ns.local}.setTimeout`;
    else {
      this.sleepName = this.freeName(this.used.has('setTimeout') ? 'sleep' : 'setTimeout');
      this.insertStatement(this.lastImport(), this.importStatement('timers/promises', 'setTimeout', this.sleepName));
    }
    return this.sleepName;
  }

  /** Remove the named sync bindings left unused that no callback name took over: whole statements, or runs of list entries. */
  removeUnusedSyncBindings(): void {
    const removed = new Set<AnyNode>();
    const statements = new Map<AnyNode, AnyNode[]>();
    for (const binding of this.unusedAfter) {
      if (this.renamed.has(binding) || !binding.holder) continue;
      const list = binding.form === 'import' ? (binding.statement.node as { specifiers: AnyNode[] }).specifiers : (binding.holder.parent.node as { properties: AnyNode[] }).properties;
      removed.add(binding.holder.node as AnyNode);
      statements.set(binding.statement.node as AnyNode, list);
    }
    for (const [statement, list] of statements) {
      const declarators = statement.type === 'VariableDeclaration' ? (statement.declarations as unknown[]).length : 1;
      if (list.every((n) => removed.has(n)) && declarators === 1) this.removeStatement(statement);
      else if (!list.every((n) => removed.has(n))) this.removeListEntries(list, removed);
    }
  }

  /** Remove a whole statement with its line; statements inserted after it move to its place. */
  private removeStatement(statement: AnyNode): void {
    const lineStart = this.source.lastIndexOf('\n', statement.start - 1);
    const before = this.source.slice(lineStart + 1, statement.start);
    if (lineStart >= 0 && /^[ \t]*$/.test(before)) {
      // "\n<statement>" goes; what is inserted after the statement stays
      const from = this.source[lineStart - 1] === '\r' ? lineStart - 1 : lineStart;
      this.edits.push({ start: from, end: statement.end, text: '' });
      return;
    }
    let end = statement.end;
    while (end < this.source.length && /[ \t]/.test(this.source[end])) end++;
    if (this.source.startsWith('\r\n', end)) end += 2;
    else if (this.source[end] === '\n') end++;
    // the first line of the file: statements inserted after it take its place, without a leading line break
    for (const edit of this.edits) {
      if (edit.start !== statement.end || edit.end !== statement.end) continue;
      edit.start = edit.end = end;
      edit.text = `${edit.text.slice(this.style.eol.length)}${this.style.eol}`;
    }
    this.edits.push({ start: statement.start, end, text: '' });
  }

  /** Remove the `removed` entries of an import or destructuring list (some stay), one edit per run. */
  private removeListEntries(list: readonly AnyNode[], removed: ReadonlySet<AnyNode>): void {
    for (let i = 0; i < list.length; i++) {
      if (!removed.has(list[i])) continue;
      let last = i;
      while (last + 1 < list.length && removed.has(list[last + 1])) last++;
      const next = list[last + 1];
      if (next) this.edits.push({ start: list[i].start, end: next.start, text: '' });
      else this.edits.push({ start: list[i - 1].end, end: list[last].end, text: '' });
      i = last;
    }
  }
}

/**
 * Named sync bindings (`import { execSync }`, `const { gzipSync } = require('zlib')`) whose every
 * reference is a call the rewrite replaces.
 */
export function findBindingsUnusedAfter(j: JSCodeshift, root: Collection, bindings: readonly ModuleBinding[], rewritten: readonly BlockingSite[]): Set<ModuleBinding> {
  const out = new Set<ModuleBinding>();
  for (const binding of bindings) {
    if (binding.kind !== 'named' || binding.form === 'import-equals') continue;
    const mine = rewritten.filter((s) => s.binding === binding && s.via === 'named');
    if (mine.length === 0) continue;
    const callees = new Set(mine.map((s) => (s.call.node as unknown as { callee: unknown }).callee));
    let others = 0;
    root.find(j.Identifier, { name: binding.local }).forEach((id) => {
      if (id.node === binding.idNode || !isBindingOrReference(id)) return;
      const parentType = id.parent?.node.type;
      if (parentType === 'ImportSpecifier' || parentType === 'ImportDefaultSpecifier') return;
      if (parentType === 'ObjectProperty' && id.parent.node === binding.holder?.node) return;
      if (!refersToBinding(id, binding.local, binding)) return;
      if (!callees.has(id.node)) others++;
    });
    if (others === 0) out.add(binding);
  }
  return out;
}

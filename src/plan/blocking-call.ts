/**
 * Recognise a call of the blocking-api table (src/core/blocking-api.ts) that the blocking-apis
 * transform rewrites — `execSync`, `gzipSync`, `pbkdf2Sync`, the `Atomics.wait` sleep idiom, … — so
 * that propagate-async seeds from it exactly as from a sync fs call. The bindings are resolved through
 * the checker's symbols, and only the top-level bindings the transform reads count (a `require` inside
 * a function is not one). The facts are read from the TypeScript AST and decided by the same function
 * the transform uses on babel's, so a seed is always a site the transform rewrites once its function is
 * async.
 */
import { ts } from 'ts-morph';
import { decideAtomicsWait, decideBlockingCall, isTypeScriptFile, lookupBlockingApi, mightUseBlockingApi, type ArgFact, type BlockingDecision, type PropFact } from '../core/blocking-api';
import { moduleOfNamedDeclaration, moduleOfNamespaceDeclaration } from './fs-call';

function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}

function literalText(node: ts.Expression): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function propFact(value: ts.Expression): PropFact {
  const inner = skipOuter(value);
  const text = literalText(inner);
  if (text !== undefined) return { kind: 'string', value: text };
  return inner.kind === ts.SyntaxKind.NullKeyword ? { kind: 'null' } : { kind: 'other' };
}

/** The static facts of one argument (the same as transforms/blocking-apis/call-facts.ts reads from babel). */
function argFact(arg: ts.Expression): ArgFact {
  if (ts.isSpreadElement(arg)) return { kind: 'spread' };
  const node = skipOuter(arg);
  const text = literalText(node);
  if (text !== undefined) return { kind: 'string', value: text };
  if (ts.isArrayLiteralExpression(node)) return { kind: 'array' };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null' };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { kind: 'undefined' };
  if (!ts.isObjectLiteralExpression(node)) return { kind: 'other' };
  const props: Record<string, PropFact> = {};
  let opaque = false;
  for (const prop of node.properties) {
    const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) || ts.isNumericLiteral(prop.name)) ? prop.name.text : prop.name && ts.isComputedPropertyName(prop.name) ? literalText(prop.name.expression) : undefined;
    if (ts.isSpreadAssignment(prop) || name === undefined) {
      opaque = true;
      continue;
    }
    props[name] = ts.isPropertyAssignment(prop) ? propFact(prop.initializer) : { kind: 'other' };
  }
  return { kind: 'object', props, opaque };
}

/** Is `name` read in `block` anywhere but as `throw name`? */
function readsBeyondRethrow(block: ts.Node, name: string): boolean {
  let reads = false;
  const visit = (node: ts.Node): void => {
    if (reads) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const rethrow = ts.isThrowStatement(parent);
      const propertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!rethrow && !propertyName) reads = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return reads;
}

/** A catch around `call` (same function, call in the try block) that reads the caught error. */
function isErrorReadInCatch(call: ts.Node): boolean {
  let child: ts.Node = call;
  let current: ts.Node | undefined = call.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) {
    if (ts.isTryStatement(current) && current.tryBlock === child && current.catchClause) {
      const decl = current.catchClause.variableDeclaration;
      if (decl && (!ts.isIdentifier(decl.name) || readsBeyondRethrow(current.catchClause.block, decl.name.text))) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

const isTopLevel = (decl: ts.Declaration): boolean => {
  if (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) {
    let node: ts.Node = decl;
    while (!ts.isVariableStatement(node) && node.parent) node = node.parent;
    return ts.isVariableStatement(node) && ts.isSourceFile(node.parent);
  }
  return true; // imports and import-equals are top-level by grammar
};

/** `{ module, name }` of the table function a callee names, through a top-level binding or an inline require. */
function resolveCallee(callee: ts.Expression, checker: ts.TypeChecker): { module: string; name: string } | undefined {
  if (ts.isIdentifier(callee)) {
    const decl = checker.getSymbolAtLocation(callee)?.declarations?.[0];
    return decl && isTopLevel(decl) ? moduleOfNamedDeclaration(decl) : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const object = callee.expression;
  if (ts.isCallExpression(object) && ts.isIdentifier(object.expression) && object.expression.text === 'require' && object.arguments.length === 1 && ts.isStringLiteralLike(object.arguments[0])) {
    return { module: object.arguments[0].text, name: callee.name.text };
  }
  if (!ts.isIdentifier(object)) return undefined;
  const decl = checker.getSymbolAtLocation(object)?.declarations?.[0];
  const module = decl && isTopLevel(decl) ? moduleOfNamespaceDeclaration(decl) : undefined;
  return module ? { module, name: callee.name.text } : undefined;
}

/** `Atomics.wait(…)` on the global Atomics (declared only in TypeScript's lib files, or nowhere). */
function isGlobalAtomicsWait(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'wait' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Atomics') return false;
  const decls = checker.getSymbolAtLocation(callee.expression)?.declarations ?? [];
  return decls.every((d) => d.getSourceFile().hasNoDefaultLib || /[\\/]typescript[\\/]lib[\\/]lib\.[\w.]+\.d\.ts$/.test(d.getSourceFile().fileName));
}

function isFreshSleepBuffer(args: readonly ts.Expression[]): boolean {
  const [buffer, index, value] = args.map(skipOuter);
  const isZero = (n: ts.Expression | undefined) => !!n && ts.isNumericLiteral(n) && Number(n.text) === 0;
  if (!buffer || !ts.isNewExpression(buffer) || !isZero(index) || !isZero(value)) return false;
  const inner = buffer.arguments?.[0];
  return ts.isIdentifier(buffer.expression) && buffer.expression.text === 'Int32Array' && buffer.arguments?.length === 1 &&
    !!inner && ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'SharedArrayBuffer';
}

const mightUse = new WeakMap<ts.SourceFile, boolean>();

/** The cheap text test of src/core/blocking-api.ts, once per file: most files bind none of the modules. */
function fileMightUse(sf: ts.SourceFile): boolean {
  let known = mightUse.get(sf);
  if (known === undefined) mightUse.set(sf, (known = mightUseBlockingApi(sf.text)));
  return known;
}

/**
 * The decision for `call` when it is a call of the table or an `Atomics.wait`, else undefined.
 * A seed is a call whose decision is `rewrite: true`.
 */
export function blockingCallDecision(call: ts.CallExpression, checker: ts.TypeChecker): BlockingDecision | undefined {
  if (!fileMightUse(call.getSourceFile())) return undefined;
  const callee = skipOuter(call.expression);
  const resultUsed = !ts.isExpressionStatement(call.parent);
  if (isGlobalAtomicsWait(callee, checker)) {
    const args = [...call.arguments];
    const timeout = args[3];
    return decideAtomicsWait({ freshBuffer: args.length <= 4 && !args.some(ts.isSpreadElement) && isFreshSleepBuffer(args), timeoutText: timeout?.getText(), resultUsed });
  }
  if (ts.isPropertyAccessExpression(callee) ? !callee.name.text.endsWith('Sync') : !ts.isIdentifier(callee)) return undefined;
  const resolved = resolveCallee(callee, checker);
  const api = resolved ? lookupBlockingApi(resolved.module, resolved.name) : undefined;
  if (!api) return undefined;
  return decideBlockingCall({ api, args: call.arguments.map(argFact), resultUsed, catchReadsError: isErrorReadInCatch(call), typescript: isTypeScriptFile(call.getSourceFile().fileName) });
}

/** The sync name of a call the blocking-apis transform rewrites once its function is async, else undefined. */
export function rewritableBlockingCall(call: ts.CallExpression, checker: ts.TypeChecker): string | undefined {
  const decision = blockingCallDecision(call, checker);
  if (!decision?.rewrite) return undefined;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) ? (callee.name.text === 'wait' ? 'Atomics.wait' : callee.name.text) : resolveCallee(callee, checker)?.name;
}

/**
 * Method families: the declarations of one symbol (merged in ./declarations.ts), and here a class's
 * members with the same-named members of its base classes and interfaces, and an object literal's
 * methods with the members of the interface it is typed by. A family changes together or not at all.
 */
import { ts } from 'ts-morph';
import { hasModifier, propertyNameText, skipOuter } from '../syntax';
import type { BuildContext } from './context';
import { fnsForDeclaration, fnsForSymbol } from './declarations';
import { fnFor } from './nodes';
import { union } from './union-find';

/** Merge a class's members with the same-named members of its base classes and interfaces. */
export function linkClassFamilies(ctx: BuildContext, cls: ts.ClassLikeDeclaration): void {
  const heritageTypes: ts.Type[] = [];
  for (const clause of cls.heritageClauses ?? []) for (const t of clause.types) heritageTypes.push(ctx.checker.getTypeAtLocation(t));
  if (heritageTypes.length === 0) return;
  for (const member of cls.members) {
    if (hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
    const name = propertyNameText(member.name);
    if (!name) continue;
    const own = ts.isMethodDeclaration(member) ? [fnFor(ctx, member)] : ts.isPropertyDeclaration(member) ? fnsForDeclaration(ctx, member, 0) : [];
    if (own.length === 0) continue;
    for (const t of heritageTypes) {
      const prop = ctx.checker.getPropertyOfType(t, name);
      for (const other of fnsForSymbol(ctx, prop)) union(ctx.graph, own[0], other);
    }
  }
}

/** Merge object-literal methods with the members of the interface the literal is typed by. */
export function linkObjectLiteralFamilies(ctx: BuildContext, obj: ts.ObjectLiteralExpression): void {
  const members = obj.properties.filter((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && (ts.isArrowFunction(skipOuter(p.initializer)) || ts.isFunctionExpression(skipOuter(p.initializer)))));
  if (members.length === 0) return;
  const contextual = ctx.checker.getContextualType(obj);
  if (!contextual) return;
  for (const member of members) {
    const name = propertyNameText(member.name);
    if (!name) continue;
    const own = fnsForDeclaration(ctx, member as ts.Declaration, 0);
    const prop = contextual.getProperty(name);
    if (own.length > 0) for (const other of fnsForSymbol(ctx, prop)) union(ctx.graph, own[0], other);
  }
}

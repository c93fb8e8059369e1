/**
 * Per-file state the hoist-switch-await steps share: the jscodeshift API bound to the file's parser,
 * source text access, whether temporaries need TypeScript annotations, names already taken, and the
 * reporter.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { Reporter } from '../lib/report';
import { collectUsedNames } from '../lib/bindings';
import type { AnyNode } from '../lib/lexical-scope';
import { createTextOf, type TextOf } from './text-of';

/** Shared per-file state. */
export interface HoistContext {
  j: JSCodeshift;
  root: Collection;
  textOf: TextOf;
  /** True for .ts/.tsx/.mts/.cts files: temporaries get a type annotation. */
  typescript: boolean;
  report: Reporter;
  /** Every name declared or referenced in the file as parsed; new temporaries avoid these. */
  usedNames: Set<string>;
  /** Declaring identifiers of the temporaries this run created (their declared type is exactly what the arms assign). */
  createdTemporaries: Set<AnyNode>;
  /** Temporaries already declared, by enclosing function (or program) node; a new one avoids those of its function. */
  temporariesByFunction: Map<AnyNode, Set<string>>;
  /** Paths of every node under `path`, by node (for scope lookups from a node). */
  pathsUnder(path: ASTPath): Map<AnyNode, ASTPath>;
}

/** Build the context for one file. */
export function createHoistContext(j: JSCodeshift, root: Collection, source: string, filePath: string, report: Reporter): HoistContext {
  let usedNames: Set<string> | undefined;
  return {
    j,
    root,
    textOf: createTextOf(j, source, (root.get().node as AnyNode).loc?.lines, (root.get().node as AnyNode).end),
    typescript: /\.[cm]?tsx?$/i.test(filePath),
    report,
    get usedNames() {
      // computed on first use: most files have no chain that gets as far as naming a temporary
      usedNames ??= collectUsedNames(j, root);
      return usedNames;
    },
    temporariesByFunction: new Map(),
    createdTemporaries: new Set(),
    pathsUnder(path) {
      const map = new Map<AnyNode, ASTPath>();
      map.set(path.node, path);
      j(path)
        .find(j.Node)
        .forEach((p) => {
          map.set(p.node, p as ASTPath);
        });
      return map;
    },
  };
}

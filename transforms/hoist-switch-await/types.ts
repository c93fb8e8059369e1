/**
 * The data the hoist-switch-await steps pass between them: a chain (a `switch` or an `if`/`else if`
 * chain) described as arms, each arm's ending, and the plan for one rewrite.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../lib/lexical-scope';
import type { ReasonCodeId } from '../../src/core/reasons';

/** `return await f(…)` or `x = await f(…)` (followed by `break` in a switch). */
export type CallEndingKind = 'return' | 'assign';

/** An arm that ends in an awaited call of the shape this transform hoists. */
export interface CallEnding {
  kind: CallEndingKind;
  /** The ReturnStatement or ExpressionStatement that holds the call. */
  statement: AnyNode;
  /** The CallExpression under `await`. */
  call: AnyNode;
  /** Source text of the callee, with type arguments (`load`, `this.repo.get<User>`). */
  calleeKey: string;
  /** For `assign`: the assigned identifier. */
  target?: AnyNode;
  /** Set when the call sits inside a `try` block or next to a `using` declaration in the arm. */
  wrappedIn?: 'try' | 'using';
}

/**
 * How one arm ends:
 * - `call`: in a hoistable awaited call (see {@link CallEnding});
 * - `exit`: in `throw`, a `return` without the shared call, `continue` or `break label` (stays as it is);
 * - `empty`: a `case` label with no statements (groups labels; not the last case);
 * - `fallthrough`: a non-empty `case` that does not end in break/return/throw;
 * - `other`: anything else that reaches the end of the chain (e.g. `break` without the call).
 */
export type ArmEnding =
  | { type: 'call'; call: CallEnding }
  | { type: 'exit' | 'empty' | 'fallthrough' | 'other' };

/** One arm of a chain. */
export interface Arm {
  /** The SwitchCase, or the arm statement of an `if` chain. */
  node: AnyNode;
  /** The statement list that holds the ending (a case's consequent, a block's body), or undefined for a bare `if` arm statement. */
  list: AnyNode[] | undefined;
  /** For a bare `if` arm (no braces): the IfStatement and the key (`consequent`/`alternate`) that hold it. */
  owner?: { node: AnyNode; key: 'consequent' | 'alternate' };
  /** The statements before the ending (the arm's own work, which stays in place). */
  prefix: AnyNode[];
  /** The trailing unlabeled `break` of a switch arm, when there is one. */
  trailingBreak?: AnyNode;
  ending: ArmEnding;
}

/** A `switch` or an `if`/`else if` chain, described as arms. */
export interface Chain {
  type: 'switch' | 'if';
  path: ASTPath;
  arms: Arm[];
  /** True when there is a `default` case or a final `else`. */
  hasCatchAll: boolean;
  /** The discriminant and case tests, or the `if` conditions. */
  conditions: AnyNode[];
}

/** A refusal: reason code and one-line message. */
export interface Refusal {
  code: ReasonCodeId;
  message: string;
}

/** One temporary that carries a differing argument out of the arms. */
export interface Temporary {
  /** Argument position (0-based). */
  index: number;
  name: string;
  /** TypeScript type text for the declaration, or undefined in JavaScript. */
  typeText?: string;
  /** The parsed `: type` annotation node for the declaration (TypeScript only). */
  typeAnnotation?: unknown;
}

/** The plan for one chain's arguments: which positions move into temporaries. */
export interface ArgumentPlan {
  temporaries: Temporary[];
}

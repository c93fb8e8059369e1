/**
 * Reason codes AM4xx (hoist-switch-await) and AM5xx (collapse-delegation).
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const CLEANUP_REASONS = define({
  // ── AM4xx: hoist-switch-await (AM400 rewrite applied, AM410+ chains left alone) ─────────
  AM400: {
    title: 'awaits of one callee hoisted out of the arms',
    explanation: 'The arms of a switch, if chain or conditional all awaited the same callee; each arm now computes only its differing arguments and one await follows.',
    fix: 'Nothing to do; review the diff.',
    level: 'note',
  },
  AM410: {
    title: 'callee is not the same binding in every arm',
    explanation: 'The callee has the same text in the arms but resolves to different declarations (one is declared inside an arm, or shadowed), so one call after the chain would call something else.',
    fix: 'Rename the inner declaration, or hoist by hand if the arms really call different functions.',
    level: 'note',
  },
  AM411: {
    title: 'callee evaluation could have effects',
    explanation: 'The callee is not a plain name or a property chain on a name or `this` (a call, a computed key, optional chaining); evaluating it after the arguments instead of before could be observed.',
    fix: 'Store the callee in a const before the chain, then run the transform again.',
    level: 'note',
  },
  AM412: {
    title: 'callee may change before the hoisted call',
    explanation: 'The callee binding is reassigned in its scope, its property chain is assigned in the arms, or a moved argument awaits before a property-chain, global or imported (live binding) callee would be read.',
    fix: 'Read the callee into a const before the chain, or leave the arms as they are.',
    level: 'note',
  },
  AM413: {
    title: 'switch case falls through',
    explanation: 'A non-empty case does not end in break, return or throw, so control runs into the next case; the arms cannot be rewritten independently.',
    fix: 'End each case explicitly, then run the transform again.',
    level: 'note',
  },
  AM414: {
    title: 'break leaves the switch before the shared call',
    explanation: 'An arm has a `break` that leaves the switch early; after hoisting, that path would reach the call placed after the switch.',
    fix: 'Restructure the arm (return or throw instead of break), or leave it.',
    level: 'note',
  },
  AM415: {
    title: 'await or yield in the discriminant or conditions',
    explanation: 'The switch discriminant, a case test or an if condition suspends; moving the call relative to it is not proven safe.',
    fix: 'Await the value into a const before the chain, then run the transform again.',
    level: 'note',
  },
  AM416: {
    title: 'no default or final else',
    explanation: 'When no case matches (or no condition holds) control leaves the chain without the call; a hoisted call would run on that path.',
    fix: 'Add a `default:`/`else` that throws or returns if that path is impossible, then run the transform again.',
    level: 'note',
  },
  AM417: {
    title: 'an arm ends without the shared call',
    explanation: 'An arm ends some other way than the shared awaited call, `throw` or `return` (a bare break, another call, an assignment next to returns), so it would reach the hoisted call.',
    fix: 'Make the arm throw or return, or leave the chain as it is.',
    level: 'note',
  },
  AM418: {
    title: 'await inside try/catch/finally or a using scope',
    explanation: 'The awaited call sits inside a try block or in the scope of a `using` declaration; one await after the chain would move it out, changing which handler sees a rejection or when a resource is disposed.',
    fix: 'Leave it, or move the try/using around the whole chain by hand.',
    level: 'note',
  },
  AM419: {
    title: 'arguments cannot be lined up across arms',
    explanation: 'The arms pass different numbers of arguments to the callee, or a spread argument differs (or would have to move into a temporary).',
    fix: 'Pass the same argument list in every arm, then run the transform again.',
    level: 'note',
  },
  AM420: {
    title: 'type of a temporary is unknown',
    explanation: 'In TypeScript the differing arguments go into typed temporaries; without a type checker the type of one argument (a call result, a property, an unannotated name) is not known, and an untyped `let` would be an implicit any.',
    fix: 'Annotate the variable passed (or add `as T`), then run the transform again.',
    level: 'note',
  },
  AM421: {
    title: 'arms assign the result to different variables',
    explanation: 'The arms await the same callee but store the result in different variables, so there is no single assignment to hoist.',
    fix: 'Assign to one variable in every arm, or leave the chain as it is.',
    level: 'note',
  },
  AM422: {
    title: 'conditional test or earlier arguments have side effects',
    explanation: 'Hoisting `c ? await f(a) : await f(b)` evaluates `c` after the callee and the arguments before the differing one (and once per differing argument); that is only unobservable when they have no side effects.',
    fix: 'Compute the condition (or the argument) into a const first, then run the transform again.',
    level: 'note',
  },
  AM423: {
    title: 'chain is not directly in a block',
    explanation: 'The switch or if chain is labelled or is the unbraced body of another statement, so there is no statement list to put the hoisted call in.',
    fix: 'Add braces (or remove the label), then run the transform again.',
    level: 'note',
  },

  // ── AM5xx: collapse-delegation (AM500 rewrite applied, AM501+ wrappers left alone) ─────
  AM500: {
    title: 'delegating async wrapper collapsed',
    explanation: '`async` and `await` were removed from a wrapper whose only job is to return an async callee\'s promise; callers get the same promise result without an extra promise and frame.',
    fix: 'Nothing to do; review the diff (the wrapper no longer appears in async stack traces).',
    level: 'note',
  },
  AM501: {
    title: 'callee not known to return a promise on every path',
    explanation: 'The callee is not an async function declared in this file (imported, a property of another object, reassigned, optional, or not async), and no project analysis vouched for it.',
    fix: 'Run the full pipeline so the project analysis can answer, or collapse by hand after checking the callee always returns a promise and never throws synchronously.',
    level: 'note',
  },
  AM502: {
    title: 'an argument may throw before the promise exists',
    explanation: 'An argument is a property read, call, spread, template with substitutions, undeclared global or possibly uninitialised binding; in an async wrapper its throw is a rejection, in a collapsed one a synchronous throw.',
    fix: 'Keep the wrapper async, or compute the argument in the caller.',
    level: 'note',
  },
  AM503: {
    title: 'callee may throw synchronously',
    explanation: 'Evaluating the callee can throw before the call: a const still in its temporal dead zone, `this` before super(), or a `this.m` callee when collapseThisCalls is off.',
    fix: 'Keep the wrapper async, or move the declaration above every use.',
    level: 'note',
  },
  AM504: {
    title: 'wrapper uses arguments',
    explanation: 'The wrapper reads `arguments`; the transform only collapses wrappers whose inputs are plain parameters.',
    fix: 'Replace `arguments` with a rest parameter, then run again.',
    level: 'note',
  },
  AM505: {
    title: 'parameter default or destructuring may throw',
    explanation: 'Binding the parameters can throw (destructuring null/undefined, a default value that runs code); an async function turns that into a rejection, a plain function throws at the caller.',
    fix: 'Keep the wrapper async, or destructure in the callee.',
    level: 'note',
  },
  AM506: {
    title: 'return await inside try/catch/finally',
    explanation: 'Inside try, `return await` lets catch/finally see the rejection; without the await they would not.',
    fix: 'Nothing to do: the await is needed.',
    level: 'note',
  },
  AM507: {
    title: 'return after a using declaration',
    explanation: 'With `using`, the resource is disposed when the function returns; without the await, that happens before the callee settles.',
    fix: 'Nothing to do: the await is needed.',
    level: 'note',
  },
  AM508: {
    title: 'async generator is not a promise-returning wrapper',
    explanation: 'An async generator returns an async iterator; removing `async` would change what callers get.',
    fix: 'Nothing to do.',
    level: 'note',
  },
  AM509: {
    title: 'wrapper belongs to a method family',
    explanation: 'Its class extends another class, implements an interface, is abstract, or is extended in this file; members of one family change together or not at all.',
    fix: 'Collapse every member of the family by hand if they all qualify, or leave them.',
    level: 'note',
  },
  AM510: {
    title: 'this.method may be overridden or replaced',
    explanation: 'The callee is `this.m`, but the class is exported, anonymous, passed around, extended, or the file writes a property of that name, so at run time `this.m` may not be the async method.',
    fix: 'Keep the wrapper async, make the method private (#m), or collapse by hand after checking every subclass.',
    level: 'note',
  },
  AM511: {
    title: 'decorated wrapper',
    explanation: 'The wrapper or its class has a decorator, which may wrap it or check that it is an AsyncFunction.',
    fix: 'Check what the decorator does; collapse by hand if it does not care.',
    level: 'note',
  },
  AM512: {
    title: 'wrapper delegates to itself',
    explanation: 'The callee is the wrapper itself, so it is not a delegation to another async function.',
    fix: 'Nothing to do.',
    level: 'note',
  },
  AM513: {
    title: 'deleting async/await would change how the code parses',
    explanation: 'A comment right after `await`, a generic arrow in a .tsx file, or an arrow at the start of a statement would parse differently without the keyword.',
    fix: 'Collapse by hand (for .tsx generics write `<T,>(…) =>`).',
    level: 'note',
  },
});

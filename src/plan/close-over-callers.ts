/**
 * Close over callers, with "poison flows down".
 *
 * 1. Pins (a fixpoint, computed downward over the whole graph): a function family is pinned sync
 *    when it cannot become async — a member is outside the project (AM108), a
 *    call of it sits where `await` cannot go (constructor AM101, accessor AM102, field or static block
 *    AM103, CommonJS top level AM104), a generator consumed synchronously (AM110), it is a method
 *    the language calls implicitly (toString, valueOf, toJSON, [Symbol.iterator]: AM107), it is used as a
 *    value by code that ignores promises (AM105,
 *    AM107, AM320) or that the tool cannot see (AM109), it is public API kept by
 *    `--public-api=keep` (AM330) — or a call of it sits in a pinned function that is not already
 *    async. Each pin remembers its cause, so the report can name the whole chain.
 * 2. Async set (upward from the seeds that are not pinned): every caller of an async family whose
 *    call needs the value (`await` or `return` context) becomes async too, unless it already is or
 *    the call is at ES module top level. By construction no pinned family is reached.
 *
 * Families (overloads, interface members, implementations, overrides) are the unit throughout.
 */
import { familyOf, type CallGraph, type CallSite, type FnNode, type SiteLocation } from './call-graph';
import { siteLocation } from './syntax';
import type { ReasonCodeId } from '../core/reasons';

/** Why a family is pinned sync. */
export interface PinCause {
  code: ReasonCodeId;
  /** The root fact: `loadConfig() is called from the constructor of Settings`. */
  text: string;
  loc: SiteLocation;
  /** Set when the pin came down a call from a pinned caller family. */
  via?: { family: number; site: CallSite };
}

/** Why a family becomes async. */
export interface AsyncCause {
  /** The call of an async family that forces it, or undefined for a seed. */
  via?: { family: number; site: CallSite };
}

/** The closure's result. */
export interface Closure {
  pinned: Map<number, PinCause>;
  async: Map<number, AsyncCause>;
  members: Map<number, FnNode[]>;
}

const needsValue = (site: CallSite) => site.context !== 'handled';

/**
 * Compute pins and the async set.
 * @param extraPins families pinned by options (public API kept), with their causes.
 */
export function closeOverCallers(graph: CallGraph, extraPins: { fn: FnNode; cause: PinCause }[] = []): Closure {
  const members = new Map<number, FnNode[]>();
  for (const fn of graph.fns) {
    const f = familyOf(graph, fn.id);
    const list = members.get(f);
    if (list) list.push(fn);
    else members.set(f, [fn]);
  }
  const fam = (fn: FnNode) => familyOf(graph, fn.id);
  const pinned = new Map<number, PinCause>();
  const queue: number[] = [];
  const pin = (family: number, cause: PinCause) => {
    if (pinned.has(family)) return;
    pinned.set(family, cause);
    queue.push(family);
  };

  // A function named …Sync is synchronous on purpose, a constructor function builds the object `new`
  // returns: that is the reason that holds for it, before any use of it as a value or any caller
  // (issue 11 item 7: the reason given must be the one that holds).
  for (const { fn, cause } of extraPins) if (cause.code === 'AM332' || cause.code === 'AM101') pin(fam(fn), cause);
  for (const fn of graph.fns) {
    const loc = siteLocation(fn.node);
    const outsideProject = /\.d\.[cm]?ts$/.test(fn.file) || fn.file.split(/[\\/]/).includes('node_modules');
    if (!fn.editable) pin(fam(fn), { code: 'AM108', text: outsideProject ? `${fn.name} is declared outside the project` : `${fn.name} is in a file outside the files being migrated`, loc });
    else if (fn.implicit) pin(fam(fn), { code: 'AM107', text: `${fn.name} is called implicitly by the language (String(x), JSON.stringify, for…of), which ignores returned promises`, loc });
    for (const use of fn.uses) if (use.code) pin(fam(fn), { code: use.code, text: `${fn.name} ${fn.name.startsWith('the callback passed to') && use.callbackText ? use.callbackText : use.text}`, loc: use.loc });
    for (const site of fn.incoming) {
      // A caller that will not be edited (even an async one) cannot add the `await`.
      if (site.caller && !site.caller.editable && needsValue(site)) pin(fam(fn), { code: 'AM108', text: `${site.calleeText}() is called from ${site.caller.name}, outside the files being migrated`, loc: site.loc });
      if (site.blockedBy && needsValue(site)) pin(fam(fn), { code: site.blockedBy.code, text: `${site.calleeText}() is called from ${site.blockedBy.text}`, loc: site.loc });
    }
  }
  for (const { fn, cause } of extraPins) pin(fam(fn), cause);

  // Poison flows down: a call in a pinned (sync) function pins its callee.
  while (queue.length > 0) {
    const family = queue.shift() as number;
    const root = rootCause(pinned, family);
    for (const member of members.get(family) ?? []) {
      if (member.isAsync) continue;
      for (const site of member.outgoing) {
        if (!needsValue(site)) continue;
        for (const callee of site.callees) pin(fam(callee), { code: root.code, text: root.text, loc: root.loc, via: { family, site } });
      }
    }
  }

  // Async set: upward from the unpinned seeds.
  const asyncSet = new Map<number, AsyncCause>();
  const up: number[] = [];
  for (const fn of graph.fns) {
    if (fn.seeds.length === 0 || fn.isAsync) continue;
    const f = fam(fn);
    if (pinned.has(f) || asyncSet.has(f)) continue;
    asyncSet.set(f, {});
    up.push(f);
  }
  while (up.length > 0) {
    const family = up.shift() as number;
    for (const member of members.get(family) ?? []) {
      for (const site of member.incoming) {
        if (!needsValue(site) || !site.caller || site.caller.isAsync) continue;
        const g = fam(site.caller);
        if (asyncSet.has(g) || pinned.has(g)) continue;
        asyncSet.set(g, { via: { family, site } });
        up.push(g);
      }
    }
  }
  return { pinned, async: asyncSet, members };
}

/** The first cause of a pin chain (the blocking site itself). */
export function rootCause(pinned: Map<number, PinCause>, family: number): PinCause {
  let cause = pinned.get(family) as PinCause;
  const seen = new Set<number>();
  while (cause.via && !seen.has(cause.via.family)) {
    seen.add(cause.via.family);
    cause = pinned.get(cause.via.family) as PinCause;
  }
  return cause;
}

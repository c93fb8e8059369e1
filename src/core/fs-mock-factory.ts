/**
 * Which functions a module mock replaces, read from its text: `jest.mock('fs')` (an automock: every
 * function of the module), `jest.mock('fs-extra', () => ({ writeFileSync: jest.fn() }))` (a factory:
 * the keys its object defines), `vi.mock('node:fs', async (importOriginal) => ({ ...(await
 * importOriginal()), readFileSync: vi.fn() }))` (the spread of the real module replaces nothing), a
 * `default: { … }` member (ES default import) counted with the rest, and proxyquire-style stub objects
 * (`{ fs: { readFileSync() {} } }`).
 *
 * A small scanner, not a parser: it skips strings, template literals and comments when it counts
 * brackets. Anything it does not recognise (a factory returning a variable, a computed key, a spread
 * of something else) means "every function" (`'*'`), the safe direction.
 */

/** Index just after the bracket that closes the one at `open` (`(`, `[` or `{`), or -1. */
export function closingIndex(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The top-level comma-separated members of the object literal whose `{` is at `open`. */
function membersOf(text: string, open: number): string[] | undefined {
  const close = closingIndex(text, open);
  if (close === -1) return undefined;
  const members: string[] = [];
  let start = open + 1;
  for (let i = open + 1; i < close - 1; i++) {
    const c = text[i];
    let end: number;
    if (c === '(' || c === '[' || c === '{') end = closingIndex(text, i);
    else if (c === '"' || c === "'" || c === '`') end = skipString(text, i);
    else if (c === '/' && text[i + 1] === '/') end = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') end = text.indexOf('*/', i) + 2;
    else {
      if (c === ',') {
        members.push(text.slice(start, i));
        start = i + 1;
      }
      continue;
    }
    if (end <= i) return undefined;
    i = end - 1;
  }
  members.push(text.slice(start, close - 1));
  return members.map((m) => m.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim()).filter(Boolean);
}

function skipString(text: string, at: number): number {
  const quote = text[at];
  let i = at + 1;
  for (; i < text.length && text[i] !== quote; i++) if (text[i] === '\\') i++;
  return i + 1;
}

const REAL_MODULE_SPREAD = /^\.\.\.\s*\(?\s*(?:await\s+)?(?:(?:jest|vi)\s*\.\s*(?:requireActual|importActual)\b|importOriginal\b|actual\b|original\b|real\w*\b)/;

/**
 * The keys an object literal defines, `default: { … }` members included.
 * @param open index of the literal's `{`
 * @returns the names, or '*' when a member is not understood
 */
export function objectKeys(text: string, open: number): string[] | '*' {
  const members = membersOf(text, open);
  if (!members) return '*';
  const names: string[] = [];
  for (const member of members) {
    if (member.startsWith('...')) {
      if (REAL_MODULE_SPREAD.test(member)) continue;
      return '*';
    }
    const m = /^(?:(?:async|get|set)\s+)?\*?\s*(?:(['"])([\w$]+)\1|([\w$]+))\s*(:|\(|$)/.exec(member);
    if (!m) return '*';
    const name = m[2] ?? m[3];
    if (name === '__esModule') continue;
    if (name === 'default') {
      // `default: { readFileSync: … }`: what an ES default import of the module sees.
      const brace = member.indexOf('{', m[0].length);
      if (m[4] !== ':' || brace === -1 || member.slice(m[0].length, brace).trim() !== '') return '*';
      const inner = objectKeys(member, brace);
      if (inner === '*') return '*';
      names.push(...inner);
      continue;
    }
    names.push(name);
  }
  return names;
}

/**
 * The names a module mock replaces.
 * @param text the mocking file
 * @param after index just after the module specifier's closing quote in `jest.mock('fs'…`
 * @returns '*' for an automock or a factory not understood; else the keys of the factory's object
 */
export function mockedNames(text: string, after: number): string[] | '*' {
  const rest = text.slice(after);
  const comma = /^\s*,\s*/.exec(rest);
  if (!comma) return '*';
  let at = after + comma[0].length;
  // The factory's body: `(args) => ({ … })`, `() => { …; return { … }; }`, `function () { return { … } }`.
  const head = /^(?:async\s+)?(?:function\b[^(]*\([^)]*\)\s*|(?:\([^)]*\)|[\w$]+)\s*=>\s*)/.exec(text.slice(at));
  if (!head) return '*';
  at += head[0].length;
  const paren = /^\(\s*\{/.exec(text.slice(at));
  if (paren) return objectKeys(text, at + paren[0].length - 1);
  if (text[at] !== '{') return '*';
  const end = closingIndex(text, at);
  const body = text.slice(at, end);
  const ret = /\breturn\s*\(?\s*\{/.exec(body);
  return ret ? objectKeys(text, at + ret.index + ret[0].length - 1) : '*';
}

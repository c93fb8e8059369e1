/**
 * Every fixture output keeps its input's style (issue 12): each line a transform added or changed is
 * indented with the file's own unit (tabs, or a multiple of the measured number of spaces), and no
 * change is cosmetic only (a line that differs from the line it replaced only by indentation, a
 * trailing `;` or line ending is a line the plan did not touch).
 */
import * as fs from 'fs';
import * as path from 'path';
import { diffArrays } from 'diff';
import { detectStyle } from '../transforms/lib/style';

const ROOT = path.join(__dirname, '..', 'testfixtures');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** [name, input text, output text] of every fixture file that has an expected output. */
function fixturePairs(): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  const walk = (dir: string, visit: (file: string) => void) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full, visit);
      } else visit(full);
    }
  };
  for (const transform of fs.readdirSync(ROOT)) {
    const base = path.join(ROOT, transform);
    for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
      const full = path.join(base, entry.name);
      if (entry.isFile() && /\.input\./.test(entry.name) && SOURCE.test(entry.name)) {
        const output = full.replace('.input.', '.output.');
        if (fs.existsSync(output)) pairs.push([path.relative(ROOT, full), fs.readFileSync(full, 'utf8'), fs.readFileSync(output, 'utf8')]);
      } else if (entry.isDirectory() && fs.existsSync(path.join(full, 'output'))) {
        walk(path.join(full, 'output'), (file) => {
          const input = path.join(full, 'input', path.relative(path.join(full, 'output'), file));
          if (SOURCE.test(file) && fs.existsSync(input)) pairs.push([path.relative(ROOT, input), fs.readFileSync(input, 'utf8'), fs.readFileSync(file, 'utf8')]);
        });
      }
    }
  }
  return pairs;
}

const lines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const cosmetic = (line: string): string => line.trim().replace(/;$/, '');

/** Problems of one pair: added lines off the indentation unit, changes that are cosmetic only. */
function styleProblems(input: string, output: string): string[] {
  const style = detectStyle(input);
  const problems: string[] = [];
  const changes = diffArrays(lines(input), lines(output));
  let inTemplate = false;
  changes.forEach((change, i) => {
    if (!change.added) return;
    const removed = changes[i - 1]?.removed ? changes[i - 1].value : [];
    const removedCosmetic = new Set(removed.map(cosmetic));
    if (!removed.some((r) => r.trim() === '') && change.value.some((l) => l.trim() === '') && change.value.some((l) => l.trim() !== '')) {
      problems.push(`blank line added: ${JSON.stringify(change.value.join(''))}`);
    }
    for (const line of change.value) {
      const indent = /^[\t ]*/.exec(line)?.[0] ?? '';
      const body = line.slice(indent.length);
      // Inside a multi-line template literal the whitespace is part of the string.
      const backticks = (line.match(/`/g) ?? []).length;
      const skip = inTemplate || body.startsWith('*') || body.trim().length === 0;
      if (backticks % 2 === 1) inTemplate = !inTemplate;
      if (skip) continue;
      if (removed.includes(line)) continue;
      if (removedCosmetic.has(cosmetic(line)) && !removed.some((r) => r.replace(/\r?\n$/, '') === line.replace(/\r?\n$/, ''))) {
        // the same statement, only its indentation or `;` differ
        if (removed.some((r) => cosmetic(r) === cosmetic(line) && /^[\t ]*/.exec(r)?.[0] !== indent)) continue; // moved to another depth
        problems.push(`cosmetic change only: ${JSON.stringify(line)}`);
      }
      // A mixed file: a line keeps the indentation of the line it replaced.
      const keptIndent = removed.some((r) => /^[\t ]*/.exec(r)?.[0] === indent);
      if (keptIndent) continue;
      if (style.useTabs ? !/^\t*$/.test(indent) : indent.includes('\t') || indent.length % style.tabWidth !== 0) {
        problems.push(`indentation ${JSON.stringify(indent)} is not in the file's unit (${style.useTabs ? 'tab' : `${style.tabWidth} spaces`}): ${JSON.stringify(line)}`);
      }
    }
  });
  return problems;
}

describe('styleProblems', () => {
  it('sees a `;` added to an untouched statement, a blank line and a mixed indentation', () => {
    expect(styleProblems('f(() => {\n  g()\n})\nh()\n', 'f(() => {\n  g()\n});\nh()\n')).toHaveLength(1);
    expect(styleProblems('a()\nb()\n', 'a()\n\nawait b()\n')).toHaveLength(1);
    expect(styleProblems('{\n\ta()\n\tb()\n}\n', '{\n\ta()\n\t    await b()\n}\n')).toHaveLength(1);
    expect(styleProblems('{\n  a()\n}\n', '{\n  await a()\n}\n')).toEqual([]);
  });
});

describe('fixture outputs keep the input style', () => {
  const pairs = fixturePairs();
  it('finds fixtures', () => expect(pairs.length).toBeGreaterThan(20));
  it.each(pairs.map(([name, input, output]) => [name, input, output] as const))('%s', (_name, input, output) => {
    expect(styleProblems(input, output)).toEqual([]);
  });
});

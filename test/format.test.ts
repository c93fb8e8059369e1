import { createLineMap, mapFindingLines, tidyChangedLines } from '../src/engine/format';
import { indentContinuation } from '../src/report/sarif';
import type { Finding } from '../src/core/findings';

describe('tidyChangedLines', () => {
  it('drops the blank lines recast puts around a new loop, keeps every other line', () => {
    const original = 'const x = 1\nnames.forEach((n) => {\n  rm(n)\n})\nreturn x\n';
    const printed = 'const x = 1\n\nfor (const n of names) {\n  await rm(n)\n}\n\nreturn x\n';
    expect(tidyChangedLines(original, printed)).toBe('const x = 1\nfor (const n of names) {\n  await rm(n)\n}\nreturn x\n');
  });

  it('keeps blank lines the replaced lines had', () => {
    const original = 'a()\n\nb()\n';
    const printed = 'await a()\n\nawait b()\n';
    expect(tidyChangedLines(original, printed)).toBe(printed);
  });

  it('indents added lines with tabs in a tab-indented file and restores re-indented unchanged lines', () => {
    const original = 'function f() {\n\tconst x = 1;\n\tlist.forEach((f) => {\n\t\trm(f);\n\t});\n}\n';
    const printed = 'function f() {\n    const x = 1;\n\tfor (const f of list) {\n\t    await rm(f);\n\t}\n}\n';
    expect(tidyChangedLines(original, printed)).toBe('function f() {\n\tconst x = 1;\n\tfor (const f of list) {\n\t\tawait rm(f);\n\t}\n}\n');
  });

  it('leaves a space-indented file and CRLF line endings as they are', () => {
    const original = 'if (a) {\r\n    b();\r\n}\r\n';
    const printed = 'if (a) {\r\n    await b();\r\n}\r\n';
    expect(tidyChangedLines(original, printed)).toBe(printed);
  });

  it('does not take back the old text of a line moved one level deeper', () => {
    const original = 'function f() {\n  go()\n}\n';
    const printed = 'function f() {\n  try {\n    go()\n  } finally {}\n}\n';
    expect(tidyChangedLines(original, printed)).toBe(printed);
  });
});

describe('createLineMap / mapFindingLines', () => {
  const original = ['a', 'names.forEach((n) => {', '  rm(n)', '})', 'b', 'c', ''].join('\n');
  const stage = ['a', '', 'for (const n of names) {', '  rm(n)', '}', '', 'b', 'c', ''].join('\n');

  it('maps unchanged lines to where they were and new lines to the lines they replaced', () => {
    const map = createLineMap(original, stage);
    expect(map(1)).toBe(1);
    expect(map(7)).toBe(5);
    expect(map(8)).toBe(6);
    expect(map(3)).toBe(2);
  });

  it('moves findings of a later stage to the original lines', () => {
    const finding: Finding = { transform: 't', kind: 'left-alone', code: 'AM001' as Finding['code'], message: 'm', file: 'f.ts', line: 8, column: 1 };
    expect(mapFindingLines([finding], original, stage)[0].line).toBe(6);
    expect(mapFindingLines([finding], original, original)[0].line).toBe(8);
  });
});

describe('indentContinuation (SARIF fixes)', () => {
  it('indents the continuation lines of a multi-line fix like the line it replaces', () => {
    const original = 'if (p) {\n        const x = fs.readFileSync(p,\n            "utf8");\n}\n';
    expect(indentContinuation("await readFile(p,\n    'utf8')", original, 2)).toBe("await readFile(p,\n            'utf8')");
    expect(indentContinuation('await readFile(p)', original, 2)).toBe('await readFile(p)');
  });
});

/**
 * src/core/fs-mocks.ts: which sync fs functions a project's tests mock, of which module, and which
 * files each mock reaches through the mocking file's imports.
 */
import { findFsMocks, mockFor } from '../src/core/fs-mocks';
import { mockedNames } from '../src/core/fs-mock-factory';
import { importReach } from '../src/core/import-reach';

const scan = (text: string) => findFsMocks([['test/a.test.js', text]]);

describe('findFsMocks', () => {
  test('whole-module mocks cover every sync name', () => {
    for (const text of ["jest.mock('fs');", 'vi.mock("node:fs", () => mockFs);', "jest.doMock('fs-extra')", "proxyquire('../lib', { fs: fakeFs })", "const lib = proxyquire('../lib', { 'node:fs': fakeFs });"]) {
      const mocks = scan(`\n${text}\n`);
      expect({ text, mock: mockFor(mocks, 'statSync') }).toEqual({ text, mock: expect.objectContaining({ file: 'test/a.test.js', line: 2, names: '*' }) });
    }
  });

  test('method mocks and assignments cover their name only', () => {
    const mocks = scan("jest.spyOn(fs, 'readFileSync').mockReturnValue('x');\nsinon.stub(fs, \"existsSync\").returns(true);\nmock.method(fs, 'statSync');\nfs.writeFileSync = jest.fn();\n");
    expect(mocks.map((m) => m.names).flat().sort()).toEqual(['existsSync', 'readFileSync', 'statSync', 'writeFileSync']);
    expect(mocks[1]).toEqual({ file: 'test/a.test.js', line: 2, how: 'stub', module: undefined, names: ['existsSync'], reach: ['test/a.test.js'] });
    expect(mockFor(mocks, 'mkdirSync')).toBeUndefined();
  });

  test('plain calls, comparisons, other modules and names outside the fs table are not mocks', () => {
    const mocks = scan("const text = fs.readFileSync(p);\nif (fs.existsSync == null) {}\njest.mock('./fs-helpers');\njest.spyOn(parser, 'parseSync');\nvi.mock('fs/promises');\n");
    expect(mocks).toEqual([]);
  });

  test('a factory mock covers the keys its object defines, not the real module it spreads', () => {
    const mocks = scan("jest.mock('fs-extra', () => ({ writeFileSync: jest.fn(), 'copySync': jest.fn() }));\nvi.mock('node:fs', async (importOriginal) => ({ ...(await importOriginal()), readFileSync: vi.fn() }));\n");
    expect(mocks.map((m) => [m.module, m.names])).toEqual([['fs-extra', ['writeFileSync', 'copySync']], ['fs', ['readFileSync']]]);
    expect(mockFor(mocks, 'readdirSync')).toBeUndefined();
    expect(mockFor(mocks, 'copySync', { module: 'fs-extra' })?.line).toBe(1);
  });

  test('a mock of fs covers fs-extra calls too; a mock of fs-extra does not cover node fs', () => {
    const extra = scan("jest.mock('fs-extra', () => ({ readFileSync: jest.fn() }));");
    expect(mockFor(extra, 'readFileSync', { module: 'node:fs' })).toBeUndefined();
    expect(mockFor(extra, 'readFileSync', { module: 'fs-extra' })).toBeDefined();
    const node = scan("jest.mock('fs');");
    expect(mockFor(node, 'readFileSync', { module: 'fs-extra' })).toBeDefined();
  });

  test('a spied receiver takes the module its binding names', () => {
    const mocks = scan("import fse from 'fs-extra';\njest.spyOn(fse, 'readFileSync');\n");
    expect(mocks[0].module).toBe('fs-extra');
    expect(mockFor(mocks, 'readFileSync', { module: 'fs' })).toBeUndefined();
  });

  test('a mock covers only the files its test reaches through imports', () => {
    const mocks = findFsMocks([
      ['test/upload.test.ts', "import { upload } from '../src/upload';\njest.mock('fs');\n"],
      ['src/upload.ts', "import { log } from './log.js';\nexport const upload = () => 1;\n"],
      ['src/log.ts', 'export const log = () => 1;\n'],
      ['src/state.ts', "import * as fs from 'fs';\n"],
    ]);
    expect(mocks[0].reach).toEqual(['src/log.ts', 'src/upload.ts', 'test/upload.test.ts']);
    expect(mockFor(mocks, 'readFileSync', { file: 'src/log.ts' })).toBeDefined();
    expect(mockFor(mocks, 'readFileSync', { file: 'src/state.ts' })).toBeUndefined();
  });
});

describe('mockedNames', () => {
  const names = (text: string) => mockedNames(text, text.indexOf("'fs'") + 4);
  test.each([
    ["jest.mock('fs')", '*'],
    ["jest.mock('fs', () => mockFs)", '*'],
    ["jest.mock('fs', () => { const m = { a: 1 }; return { readFileSync: jest.fn(), ...m }; })", '*'],
    ["jest.mock('fs', () => { return { readFileSync: jest.fn(() => '}'), existsSync() { return true; } }; })", ['readFileSync', 'existsSync']],
    ["jest.mock('fs', () => ({ ...jest.requireActual('fs'), /* , */ statSync: jest.fn() }))", ['statSync']],
    ["vi.mock('fs', () => ({ default: { readFileSync: vi.fn() }, readFileSync: vi.fn() }))", ['readFileSync', 'readFileSync']],
    ["jest.mock('fs', function () { return { [name]: 1 }; })", '*'],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected));
});

describe('importReach', () => {
  test('an alias it cannot resolve makes the reach unknown; packages and builtins are not followed', () => {
    const texts = new Map([
      ['t/a.test.ts', "import x from 'lodash';\nimport * as fs from 'node:fs';\nconst p = require('path');\nimport { b } from 'src/b';\n"],
      ['src/b.ts', 'export const b = 1;'],
      ['t/c.test.ts', "import { s } from '#internal/state';"],
    ]);
    const reach = importReach(texts, ['t/a.test.ts', 't/c.test.ts']);
    expect(reach.get('t/a.test.ts')).toEqual(['src/b.ts', 't/a.test.ts']);
    expect(reach.get('t/c.test.ts')).toBe('*');
  });
});

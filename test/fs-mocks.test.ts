/**
 * src/core/fs-mocks.ts: which sync fs functions a project's tests mock.
 */
import { findFsMocks, mockFor } from '../src/core/fs-mocks';

const scan = (text: string) => findFsMocks([['test/a.test.js', text]]);

describe('findFsMocks', () => {
  test('whole-module mocks cover every sync name', () => {
    for (const text of ["jest.mock('fs');", 'vi.mock("node:fs", () => ({}));', "jest.doMock('fs-extra')", "proxyquire('../lib', { fs: fakeFs })", "const lib = proxyquire('../lib', { 'node:fs': { readFileSync() {} } });"]) {
      const mocks = scan(`\n${text}\n`);
      expect({ text, mock: mockFor(mocks, 'statSync') }).toEqual({ text, mock: expect.objectContaining({ file: 'test/a.test.js', line: 2 }) });
    }
  });

  test('method mocks and assignments cover their name only', () => {
    const mocks = scan("jest.spyOn(fs, 'readFileSync').mockReturnValue('x');\nsinon.stub(fs, \"existsSync\").returns(true);\nmock.method(fs, 'statSync');\nfs.writeFileSync = jest.fn();\n");
    expect(Object.keys(mocks).sort()).toEqual(['existsSync', 'readFileSync', 'statSync', 'writeFileSync']);
    expect(mocks.existsSync).toEqual({ file: 'test/a.test.js', line: 2, how: 'stub' });
    expect(mockFor(mocks, 'mkdirSync')).toBeUndefined();
  });

  test('plain calls, comparisons, other modules and names outside the fs table are not mocks', () => {
    const mocks = scan("const text = fs.readFileSync(p);\nif (fs.existsSync == null) {}\njest.mock('./fs-helpers');\njest.spyOn(parser, 'parseSync');\nvi.mock('fs/promises');\n");
    expect(mocks).toEqual({});
  });
});

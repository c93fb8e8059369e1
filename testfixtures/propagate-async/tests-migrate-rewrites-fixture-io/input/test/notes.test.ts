import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadNotes } from '../src/notes';

declare function beforeAll(body: () => void): void;
declare function test(name: string, body: () => void | Promise<void>): void;
declare function expect(value: unknown): { toEqual(value: unknown): void };

// The test's own fixture I/O: a temp folder made at module level, a file written in beforeAll.
const dir = mkdtempSync(path.join(tmpdir(), 'notes-'));
const file = path.join(dir, 'notes.txt');

beforeAll(() => {
  writeFileSync(file, 'a\nb');
});

// It calls what the migration changes: this test awaits it.
test('loads the notes', () => {
  expect(loadNotes(file)).toEqual(['a', 'b']);
});

/**
 * Reason codes AM2xx: fs API sites that have no safe promise twin.
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const FS_API_REASONS = define({
  // ── AM2xx: fs API sites with no safe promise twin ───────────────────────────────────────
  AM201: {
    title: 'file-descriptor API has no drop-in promise twin',
    explanation: 'fs/promises works on FileHandle objects, not numeric file descriptors (openSync, readSync, writeSync, fstatSync, closeSync, …).',
    fix: 'Port the surrounding code to `await open()` and FileHandle methods by hand.',
    level: 'warning',
  },
  AM202: {
    title: 'path argument is a file descriptor',
    explanation: 'The first argument is a number (a file descriptor); fs/promises functions take a path or a FileHandle.',
    fix: 'Use the FileHandle method (`handle.readFile()`, `handle.writeFile()`) after porting to `open()`.',
    level: 'warning',
  },
  AM203: {
    title: 'promise twin returns a different shape',
    explanation: 'The fs/promises function exists but does not return the same value (globSync → async iterator, opendirSync → Dir via promise, watch → async iterator, …).',
    fix: 'Rewrite the consuming code by hand for the promise API.',
    level: 'warning',
  },
  AM204: {
    title: 'sync fs function without a promise twin in the table',
    explanation: 'The function is not in the table of sync fs calls with an equivalent promise form.',
    fix: 'Leave it, or rewrite by hand; open an issue if the Node.js docs list a twin.',
    level: 'note',
  },
  AM205: {
    title: 'sync fs function used as a value',
    explanation: 'The function is referenced without being called (passed as a callback or stored), so there is no call to await.',
    fix: 'Wrap it in an async function by hand where the receiver handles promises.',
    level: 'note',
  },
  AM206: {
    title: 'call uses spread arguments the rewrite cannot check',
    explanation: 'With `...args`, the tool cannot tell whether an option (such as throwIfNoEntry) or a file descriptor is passed.',
    fix: 'Spell the arguments out, or rewrite by hand.',
    level: 'note',
  },
  AM207: {
    title: 'stat options are not statically known',
    explanation: 'statSync/lstatSync options that are not an object literal may hold `throwIfNoEntry: false`, which fs/promises (before Node 25.7) ignores.',
    fix: 'Write the options as an object literal, or rewrite by hand with a catch for ENOENT/ENOTDIR.',
    level: 'note',
  },
  AM208: {
    title: 'sync fs function is mocked by the tests',
    explanation: 'A test replaces this sync function or the whole fs module (jest.spyOn, jest.mock(\'fs\'), sinon.stub, proxyquire, an assignment); the fs/promises twin would escape the mock, so the test would reach the real file system.',
    fix: 'Mock the fs/promises function in the test as well (or instead), then run again.',
    level: 'warning',
  },
});

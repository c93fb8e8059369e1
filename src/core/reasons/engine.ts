/**
 * Reason codes AM9xx: engine problems (parse errors, crashes, output that does not re-parse).
 *
 * A code, once published, keeps its meaning forever; retired codes are never reused.
 */
import { define } from './types';

/** The entries of this range; merged into `REASONS` by ./index.ts. */
export const ENGINE_REASONS = define({
  // ── AM9xx: engine ───────────────────────────────────────────────────────────────────────
  AM901: {
    title: 'file does not parse',
    explanation: 'The file has a syntax error (or uses syntax the parser for its extension does not accept); it was skipped.',
    fix: 'Fix the syntax error, or exclude the file with --ignore.',
    level: 'error',
  },
  AM902: {
    title: 'transform failed on this file',
    explanation: 'The transform threw while processing the file; the file was left unchanged and the others went on.',
    fix: 'Report a bug with the file (or a reduced copy); exclude it with --ignore meanwhile.',
    level: 'error',
  },
  AM903: {
    title: 'transformed output does not re-parse',
    explanation: 'The new text failed to parse, so it was not written.',
    fix: 'Report a bug with the file; the original is untouched.',
    level: 'error',
  },
  AM904: {
    title: 'file cannot be read as UTF-8 text',
    explanation: 'The file could not be read, or its bytes are not valid UTF-8, so a rewrite could not keep it byte for byte; it was skipped.',
    fix: 'Check the file permissions, or convert the file to UTF-8; exclude it with --ignore meanwhile.',
    level: 'error',
  },
  AM905: {
    title: 'file could not be written',
    explanation: 'With --write, the new text could not be put on disk (permissions, or the file changed on disk after it was read); the file was left as it was.',
    fix: 'Check the message, then run again.',
    level: 'error',
  },
  AM906: {
    title: 'file left unchanged because the migrated project failed verification',
    explanation: 'A verify step found problems in the result as a whole (see the findings with their files), so no file was changed: a half-applied migration is worse than none.',
    fix: 'Fix or exclude the files with the reported problems (or pass the option that skips verification), then run again.',
    level: 'error',
  },
  AM907: {
    title: 'project analysis failed: the transform that needs it was skipped',
    explanation: 'A project-wide analysis (such as propagate-async loading the project) threw; the transforms that do not need it still ran, so only calls already in async code were rewritten.',
    fix: 'Report a bug with the message; meanwhile run with -t for the other transforms, or fix what the message names (tsconfig, files).',
    level: 'error',
  },
  AM908: {
    title: 'not written: another file of its change set could not be written',
    explanation: 'With --write, the files of a change set (the functions that become async and the calls that await them) are written together or not at all; one of them failed (see its finding), so this one was left as it was — a half-written set would change behaviour.',
    fix: 'Fix what the other file\'s finding names, then run again.',
    level: 'error',
  },
  AM909: {
    title: 'read-only file not written',
    explanation: 'With --write, a file whose mode has no write bit is not replaced (root could replace it, which is exactly why the mode is checked); its change set was left as it was.',
    fix: 'Make the file writable, or pass --force to write it anyway (its mode is kept).',
    level: 'error',
  },
  AM910: {
    title: 'symlink target outside the repository not written',
    explanation: 'With --write, a file reached through a symlink is written at its target, and a target outside the repository root (the git top level, or the working directory outside git) is refused: it is outside what the dirty-tree check and a later git diff cover.',
    fix: 'Run async-migrate in the repository that holds the target, or replace the link with the file.',
    level: 'error',
  },
  AM911: {
    title: 'file skipped: larger than the size limit',
    explanation: 'A file found by walking a folder or a glob is larger than --max-file-size (default 1 MiB); such files are usually bundles or generated code, and parsing them can exhaust memory. It was not read.',
    fix: 'Name the file explicitly, or raise --max-file-size, to process it.',
    level: 'warning',
  },
  AM912: {
    title: 'file skipped: looks generated or minified',
    explanation: 'A file found by walking a folder or a glob has an @generated marker, very long lines, or a sourceMappingURL comment with long lines; generated code is rewritten by its generator, not by hand. It was not processed.',
    fix: 'Name the file explicitly to process it, or add it to .gitignore or --ignore to silence this.',
    level: 'warning',
  },
  AM913: {
    title: 'changed lines not formatted: the project\'s Prettier failed',
    explanation: 'With --format auto, the lines the migration changed are formatted with the project\'s own Prettier; here Prettier threw (syntax its parser does not accept, a plugin it cannot load, a configuration error). The file keeps the migrated text as async-migrate printed it, which is correct but may not pass `prettier --check`; the run went on.',
    fix: 'Fix what the Prettier error in the message names (install the plugin, correct the configuration), then run Prettier on the file; or pass --format off to skip formatting.',
    level: 'warning',
  },
  AM914: {
    title: 'file took longer than the per-file time budget',
    explanation: 'The per-file stage (the transforms on this one file) ran longer than --file-timeout (default 120 s) in its worker thread, so the worker was stopped; the file was left unchanged and the other files went on. A file this slow is usually generated or far larger than hand-written code.',
    fix: 'Exclude the file with --ignore (generated code is changed by its generator), or raise --file-timeout; report a bug if a small file hits it.',
    level: 'error',
  },
  AM915: {
    title: 'file exhausted the per-file memory budget',
    explanation: 'The per-file stage (the transforms on this one file) needed more heap than --file-memory (default 2048 MB) in its worker thread, so the worker was stopped; the file was left unchanged and the other files went on. Parsing and printing a multi-megabyte bundle can take gigabytes.',
    fix: 'Exclude the file with --ignore (generated code is changed by its generator), or raise --file-memory.',
    level: 'error',
  },
});

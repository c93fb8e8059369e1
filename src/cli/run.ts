/**
 * `async-migrate run [paths..]`: run the transforms over a codebase.
 *
 * Default is a dry run: the unified diff on stdout (git-style headers, `git apply` takes it) and the
 * summary on stderr. `--json` prints the machine-readable result instead of the diff; `--diff <file>`
 * also saves the patch; `--check` exits 1 when anything would change; `--write` applies the changes
 * (atomically, refusing a dirty git tree unless `--allow-dirty`). The summary ends with a "written
 * to" line per file `--diff`/`--report` wrote; `--quiet` leaves only its failures.
 *
 * Exit codes: 0 done, 1 changes pending under --check, 2 usage or configuration error, 3 some files
 * failed (failures win over --check).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { UsageError } from '../core/errors';
import type { Finding } from '../core/findings';
import { createPatches, findPatchBase, joinPatches } from '../report/diff';
import { colorizePatch, colorsFor, shouldColor } from '../report/colors';
import { buildJsonResult } from '../report/json';
import { createProgress } from '../report/progress';
import { countRun, formatSummary } from '../report/summary';
import { runPipeline, type PipelineResult } from '../engine/pipeline';
import type { Plan } from '../core/plan';
import { assertRunReportTarget, writeRunReport } from '../report/run-report';
import { assertCleanOrThrow } from '../engine/write';
import { writeChangeSets } from '../engine/transaction';
import { groupChangedFiles, type PlanForGroups } from '../engine/write-groups';
import { findRepository } from '../engine/repo-root';
import { journalPath, readJournal, recoverJournal, unfinishedSets } from '../engine/journal';
import { isStdinInput } from '../engine/stdin';
import { DEFAULT_FILE_MEMORY_MB, DEFAULT_FILE_TIMEOUT_S, MIN_FILE_MEMORY_MB, type FileBudget } from '../engine/file-budget';
import { EXIT, info, type CliContext, type CommandFactory } from './context';
import { addInputOptions, loadInputFiles, readTransformOptions, selectTransforms, toList, type InputArgs } from './shared';

/** Parsed `run` arguments. */
export interface RunArgs extends InputArgs {
  write?: boolean;
  allowDirty?: boolean;
  diff?: string;
  report?: string;
  json?: boolean;
  check?: boolean;
  jobs?: number;
  fileTimeout?: number;
  fileMemory?: number;
  force?: boolean;
  stdinFilepath?: string;
}

const createRunCommand: CommandFactory = (ctx) => ({
  command: 'run [paths..]',
  describe: 'Rewrite a codebase: dry run with a unified diff by default, --write to apply',
  builder: (y: Argv) =>
    addInputOptions(y)
      .option('write', { describe: 'Apply the changes to the files (atomically; refuses files with uncommitted changes)', type: 'boolean', default: false })
      .option('allow-dirty', { describe: 'With --write, also write files that have uncommitted changes in git', type: 'boolean', default: false })
      .option('diff', { describe: 'Also write the patch (unified diff) to this file', type: 'string', requiresArg: true })
      .option('report', { describe: 'Also write a report: .md → pull-request description, .sarif → SARIF 2.1.0, .json → the --json document', type: 'string', requiresArg: true })
      .option('json', { describe: 'Print the machine-readable result (files, edits, findings) on stdout instead of the diff', type: 'boolean', default: false })
      .option('jobs', { alias: 'j', describe: 'Worker threads for the per-file stage (default: automatic, up to 4 when there are many files; 1 = none, except for files of 256 KiB or more, which run in one worker held to --file-timeout/--file-memory)', type: 'number', requiresArg: true })
      .option('file-timeout', { describe: `Seconds the transforms may spend on one file before it is stopped and reported (AM914); 0 = no limit (default ${DEFAULT_FILE_TIMEOUT_S})`, type: 'number', requiresArg: true })
      .option('file-memory', { describe: `Heap in MB the transforms may use on one file before it is stopped and reported (AM915); 0 = no limit (default ${DEFAULT_FILE_MEMORY_MB})`, type: 'number', requiresArg: true })
      .option('check', { describe: 'Exit with code 1 when anything would change (nothing is written)', type: 'boolean', default: false })
      .option('force', { describe: 'With --write, also write read-only files (keeping their mode)', type: 'boolean', default: false })
      .option('stdin-filepath', { describe: 'With `-` as the path: the file name standard input stands for (picks the parser and module type)', type: 'string', requiresArg: true })
      .example('$0 run src', 'dry run: print the diff for src/')
      .example('$0 run src --diff migrate.patch', 'save the patch for review (git apply migrate.patch)')
      .example('$0 run src --write', 'apply to the files')
      .example("$0 run . --check --ignore 'test/**'", 'in CI: fail when sync fs calls could be migrated'),
  handler: async (argv: RunArgs) => {
    ctx.exitCode = await runCommand(ctx, argv);
  },
});

export default createRunCommand;

/**
 * Run the pipeline as `run` does and print the results.
 * @returns the exit code
 * @throws UsageError for bad paths, an unwritable --diff file, or a dirty tree under --write
 */
export async function runCommand(ctx: CliContext, args: RunArgs): Promise<number> {
  if (args.write && args.check) throw new UsageError('--write and --check cannot be used together: --check only reports whether anything would change');
  if (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs >= 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not ${String(args.jobs)}`);
  const fileBudget = readFileBudget(args);
  const transforms = selectTransforms(args);
  const transformOptions = readTransformOptions(args);
  const diffFile = args.diff === undefined ? undefined : path.resolve(ctx.cwd, String(args.diff));
  if (diffFile !== undefined) await assertWritableTarget(diffFile, String(args.diff));
  if (args.report !== undefined) await assertRunReportTarget(ctx.cwd, String(args.report));

  const stdinMode = isStdinInput(toList(args.paths));
  if (stdinMode && args.write) throw new UsageError('-: --write cannot write standard input; the transformed source is printed on stdout');
  // An interrupted --write is finished (or rolled back) before anything else; other runs only report it.
  const repo = await findRepository(ctx.cwd);
  let journalPending = false;
  if (args.write) await recoverJournal(repo.journalDir, (line) => ctx.stderr.write(`${line}\n`));
  else if (!stdinMode) {
    const journal = await readJournal(repo.journalDir);
    journalPending = journal !== undefined && unfinishedSets(journal).length > 0;
    if (journalPending) info(ctx, `async-migrate: an interrupted --write left unfinished change sets (${journalPath(repo.journalDir)}); \`run --write\` finishes or rolls them back first\n`);
  }

  const { fileMap, problems } = await loadInputFiles(ctx, args);
  const progress = createProgress(ctx.quiet ? { write: () => true } : ctx.stderr);
  let result: PipelineResult;
  try {
    result = await runPipeline(fileMap, { transforms, transformOptions, loadProblems: problems, jobs: args.jobs, fileBudget, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.stop();
  }

  let written: string[] | undefined;
  if (args.write) {
    const changed = fileMap.changedPaths();
    if (!args.allowDirty) await assertCleanOrThrow(fileMap, changed);
    // The plan's change sets (joined where they share a file) are written each on its own; see write-groups.ts.
    const groups = groupChangedFiles(changed, result.prepared?.plan as PlanForGroups | undefined);
    const outcome = await writeChangeSets(fileMap, groups, { force: args.force, repository: repo });
    written = outcome.written;
    for (const failure of outcome.sets.flatMap((s) => s.failures)) {
      markFailed(result, failure.path, { transform: 'engine', kind: 'left-alone', code: failure.code, message: failure.message, file: failure.path, line: 1, column: 1 });
      fileMap.set(failure.path, fileMap.getOriginal(failure.path) ?? fileMap.getOrThrow(failure.path));
    }
  }

  const patchBase = findPatchBase(fileMap, fileMap.changedPaths());
  const patches = createPatches(fileMap, patchBase.dir);
  const patchText = joinPatches(patches);
  if (diffFile !== undefined) {
    await fsp.writeFile(diffFile, patchText, 'utf8').catch((error: Error) => {
      throw new UsageError(`--diff ${args.diff}: cannot write the patch: ${error.message}`);
    });
  }

  if (args.report !== undefined) {
    const reportMode = args.write ? 'write' : args.check ? 'check' : 'dry-run';
    // The plan propagate-async's prepare made for this run (absent when it did not run or was skipped).
    const plan = result.prepared?.plan as Plan | undefined;
    await writeRunReport(ctx.cwd, String(args.report), buildJsonResult(result, patches, reportMode, written), { readOriginal: (f) => fileMap.getOriginal(f), plan });
  }
  if (args.json) {
    const mode = args.write ? 'write' : args.check ? 'check' : 'dry-run';
    ctx.stdout.write(`${JSON.stringify(buildJsonResult(result, patches, mode, written), null, 2)}\n`);
  } else if (stdinMode) {
    ctx.stdout.write(fileMap.getOrThrow(fileMap.paths()[0]));
  } else if (!args.write) {
    ctx.stdout.write(colorizePatch(patchText, colorsFor(shouldColor(ctx.stdout.isTTY, ctx.env))));
  }
  const shownDiffFile = diffFile === undefined ? undefined : path.relative(ctx.cwd, diffFile) || diffFile;
  const patchRoot = patchBase.dir === ctx.cwd || args.write || patches.length === 0 ? undefined : path.relative(ctx.cwd, patchBase.dir) || '.';
  const reportFile = args.report === undefined ? undefined : String(args.report);
  ctx.stderr.write(formatSummary(result, { written, diffFile: shownDiffFile, reportFile, check: args.check, patchRoot, quiet: ctx.quiet }, colorsFor(shouldColor(ctx.stderr.isTTY, ctx.env))));

  const counts = countRun(result);
  // Never a silent success: a verification error no change set could be tied to (AM344), files left
  // out because their tsconfig is broken (AM346).
  if (counts.failed > 0 || result.findings.some((f) => f.code === 'AM344' || f.code === 'AM346')) return EXIT.failed;
  if (args.check && (counts.changed > 0 || journalPending)) return EXIT.changesPending;
  return EXIT.ok;
}

/** Turn a changed file into a failed one (its findings replaced by `finding`). */
function markFailed(result: PipelineResult, filePath: string, finding: Finding): void {
  const file = result.files.find((f) => f.path === filePath);
  if (!file) return;
  const dropped = new Set(file.findings);
  file.status = 'failed';
  file.findings = [finding];
  result.findings = [...result.findings.filter((f) => !dropped.has(f)), finding];
}

/** Fail early (before any work) when the --diff file's folder does not exist or is a file. */
async function assertWritableTarget(file: string, shown: string): Promise<void> {
  const dir = path.dirname(file);
  const stat = await fsp.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`--diff ${shown}: folder ${path.dirname(shown) || '.'} does not exist`);
  const target = await fsp.stat(file).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError(`--diff ${shown}: is a folder, not a file`);
}

/**
 * The per-file budget from `--file-timeout <seconds>` and `--file-memory <MB>` (defaults in
 * src/engine/file-budget.ts; 0 turns a limit off).
 * @throws UsageError for a negative or non-numeric value, or a heap below MIN_FILE_MEMORY_MB
 */
function readFileBudget(args: RunArgs): FileBudget {
  const timeout = args.fileTimeout ?? DEFAULT_FILE_TIMEOUT_S;
  const memory = args.fileMemory ?? DEFAULT_FILE_MEMORY_MB;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) throw new UsageError(`--file-timeout must be a number of seconds (0 = no limit), not ${String(args.fileTimeout)}`);
  if (typeof memory !== 'number' || !Number.isInteger(memory) || (memory !== 0 && memory < MIN_FILE_MEMORY_MB)) {
    throw new UsageError(`--file-memory must be a whole number of MB, at least ${MIN_FILE_MEMORY_MB} (0 = no limit), not ${String(args.fileMemory)}`);
  }
  return { timeoutMs: Math.round(timeout * 1000), memoryMb: memory };
}

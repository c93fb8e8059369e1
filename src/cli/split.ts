/**
 * `async-migrate split [paths..] --by dir|package|owner [--max-files N] --out <folder>`: cut the
 * migration into pull-request-sized batches of change sets (grouping: src/plan/batches.ts) and write,
 * for each batch in the order they should land, `<out>/NN-<name>.patch` (git-apply-able, the format of
 * `run --diff`), `<out>/NN-<name>.md` (the run report's pull-request description, scoped to the batch)
 * and one `<out>/index.json` (`{ schemaVersion: 1, by, batches: [ { index, name, file, report,
 * changesets, files, exportedApi, notApplied } ] }`).
 *
 * The project is planned once to find the change sets. Then each batch is checked alone: the pipeline
 * (every selected transform, verification on) runs on the base texts with only that batch's sets;
 * its result is the batch's report, and a set verification drops (or a batch whose files fail) is
 * listed in `notApplied` and left out of the patches. When the repository uses TypeScript project
 * references, the batch's result is also type-checked project by project with each project's own
 * options, as `tsc -b` builds them (src/plan/build-check.ts); a new diagnostic there leaves the
 * whole batch out (`notApplied`, naming the project and the diagnostic). The patches are cut from the cumulative
 * results: the pipeline runs on the base texts with the sets of batches 1..k, and patch k is the
 * difference between the texts after batch k-1 and after batch k, so the patches apply in order, each
 * on top of the earlier ones (and the first on the base).
 *
 * Exit codes (as `run`): 0 done, 2 usage or configuration error, 3 some change set not applied or
 * some file failed.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { UsageError } from '../core/errors';
import type { Plan } from '../core/plan';
import { FileMap } from '../engine/filemap';
import { runPipeline, type PipelineResult } from '../engine/pipeline';
import { analysedProjects, preparePlan } from '../plan/prepare-plan';
import { checkProjectBuilds, usesProjectReferences } from '../plan/build-check';
import { groupBatches, type Batch, type BatchBy } from '../plan/batches';
import { createFilePatch, createPatches, findPatchBase, joinPatches } from '../report/diff';
import { buildJsonResult } from '../report/json';
import { renderRunReport } from '../report/run-report';
import { EXIT, info, type CommandFactory } from './context';
import { renderApiDependents } from './split-description';
import { addInputOptions, loadInputFiles, readTransformOptions, selectTransforms, type InputArgs } from './shared';

/** Parsed `split` arguments. */
export interface SplitArgs extends InputArgs {
  by?: BatchBy;
  maxFiles?: number;
  out?: string;
}

/** One entry of index.json. */
export interface SplitIndexEntry {
  index: number;
  name: string;
  /** The patch file (relative to the out folder), or null when nothing of the batch applies. */
  file: string | null;
  report: string;
  changesets: string[];
  files: string[];
  exportedApi: string[];
  /** Sets of the batch that failed verification alone on the base, with why. */
  notApplied: { id: string; why: string }[];
}

const createSplitCommand: CommandFactory = (ctx) => ({
  command: 'split [paths..]',
  describe: 'Cut the migration into pull-request-sized batches of change sets: a patch and a PR description per batch, in landing order',
  builder: (y: Argv) =>
    addInputOptions(y)
      .option('by', { describe: 'Group change sets by top-level folder, workspace package, or CODEOWNERS owner', choices: ['dir', 'package', 'owner'], default: 'dir' })
      .option('max-files', { describe: 'At most this many files per batch (a change set is never split)', type: 'number', requiresArg: true })
      .option('out', { describe: 'Folder to write NN-<name>.patch, NN-<name>.md and index.json to (created if missing)', type: 'string', requiresArg: true, demandOption: true })
      .example('$0 split . --by dir --out batches', 'one patch per top-level folder, in landing order')
      .example('$0 split . --by owner --max-files 20 --out batches', 'per CODEOWNERS owner, at most 20 files each'),
  handler: async (argv: SplitArgs) => {
    ctx.exitCode = await splitCommand(ctx, argv);
  },
});

export default createSplitCommand;

/** A fresh FileMap holding `texts` as its original texts. */
function mapOf(cwd: string, texts: ReadonlyMap<string, string>): FileMap {
  const map = new FileMap(cwd);
  for (const [p, t] of texts) map.add(p, t);
  return map;
}

/** The plan a pipeline run used (propagate-async's), if any. */
const planOf = (result: PipelineResult): Plan | undefined => result.prepared?.plan as Plan | undefined;

/**
 * Run `split`.
 * @returns the exit code
 * @throws UsageError for bad options or an out folder that cannot be written
 */
export async function splitCommand(ctx: import('./context').CliContext, args: SplitArgs): Promise<number> {
  const by = args.by ?? 'dir';
  if (args.maxFiles !== undefined && !(Number.isInteger(args.maxFiles) && args.maxFiles >= 1)) throw new UsageError(`--max-files must be a whole number of at least 1, not ${String(args.maxFiles)}`);
  if (args.out === undefined || String(args.out) === '') throw new UsageError('--out: name the folder to write the batches to');
  const outDir = path.resolve(ctx.cwd, String(args.out));
  await fsp.mkdir(outDir, { recursive: true }).catch((error: Error) => {
    throw new UsageError(`--out ${args.out}: cannot create the folder: ${error.message}`);
  });
  const transforms = selectTransforms(args);
  const options = readTransformOptions(args);
  if (options.changeset !== undefined && (options.changeset as unknown[]).length > 0) throw new UsageError('--changeset cannot be used with split: the batches choose the change sets');
  const { fileMap, problems } = await loadInputFiles(ctx, args);
  for (const p of problems) ctx.stderr.write(`async-migrate: ${p.path}: ${p.message}\n`);
  const base = new Map(fileMap.paths().map((p) => [p, fileMap.getOrThrow(p)]));

  // The whole plan once, by the pipeline's own analysis step (so options mean what they mean for run).
  const planned = preparePlan(mapOf(ctx.cwd, base), { cwd: ctx.cwd, options, transforms: transforms.map((t) => t.meta.name) });
  const plan = planned.options?.plan as Plan | undefined;
  const batches = groupBatches(plan?.changeSets ?? [], { by, maxFiles: args.maxFiles, cwd: ctx.cwd });
  if (batches.length === 0) info(ctx, 'async-migrate: no change sets to split (see async-migrate plan --changesets)\n');

  const entries: SplitIndexEntry[] = [];
  let failed = false;
  let applied: string[] = [];
  let before = base;
  for (const [i, batch] of batches.entries()) {
    const prefix = `${String(i + 1).padStart(2, '0')}-${batch.name}`;
    const alone = await checkAlone(ctx.cwd, base, batch, transforms, options);
    failed ||= alone.notApplied.length > 0 || alone.failedFiles;
    const batchOf = (pkg: string) => {
      const k = batches.findIndex((b) => b.group === pkg);
      return k < 0 ? undefined : String(k + 1).padStart(2, '0');
    };
    const footer = alone.report.lastIndexOf('\n<sub>');
    // Only the API of the sets that apply: a set left out changes nothing for the later packages.
    const appliedApi = new Set(batch.changeSets.filter((c) => alone.applied.includes(c.id)).flatMap((c) => c.exportedApi));
    const section = renderApiDependents((batch.apiDependents ?? []).filter((e) => appliedApi.has(e.api)), batchOf);
    const description = footer < 0 || section === '' ? alone.report + section : `${alone.report.slice(0, footer)}${section}${alone.report.slice(footer)}`;
    await fsp.writeFile(path.join(outDir, `${prefix}.md`), description, 'utf8');
    let file: string | null = null;
    const after = alone.applied.length > 0 ? await runCumulative(ctx.cwd, base, [...applied, ...alone.applied], transforms, options) : undefined;
    if (alone.applied.length > 0 && !after) {
      // Alone it verifies, on top of the earlier batches it does not: left out, never a patch that undoes them.
      failed = true;
      alone.notApplied.push(...alone.applied.map((id) => ({ id, why: 'the project fails verification with this batch on top of the earlier ones' })));
    } else if (after) {
      applied = [...applied, ...alone.applied];
      const patchText = patchBetween(mapOf(ctx.cwd, base), before, after);
      before = after;
      if (patchText !== '') {
        file = `${prefix}.patch`;
        await fsp.writeFile(path.join(outDir, file), patchText, 'utf8');
      }
    }
    entries.push({ index: i + 1, name: batch.name, file, report: `${prefix}.md`, changesets: batch.changeSets.map((c) => c.id), files: batch.files, exportedApi: batch.exportedApi, notApplied: alone.notApplied });
    info(ctx, `${prefix}: ${batch.changeSets.length} change set${batch.changeSets.length === 1 ? '' : 's'}, ${batch.files.length} file${batch.files.length === 1 ? '' : 's'}${alone.notApplied.length > 0 ? `, ${alone.notApplied.length} not applied` : ''}\n`);
  }
  await fsp.writeFile(path.join(outDir, 'index.json'), `${JSON.stringify({ schemaVersion: 1, by, batches: entries }, null, 2)}\n`, 'utf8');
  info(ctx, `written to ${path.relative(ctx.cwd, outDir) || '.'}: ${entries.length} batch${entries.length === 1 ? '' : 'es'} and index.json\n`);
  return failed || problems.some((p) => (p.code ?? 'AM904') === 'AM904') ? EXIT.failed : EXIT.ok;
}

/** The outcome of a batch run alone on the base texts. */
interface AloneOutcome {
  applied: string[];
  notApplied: { id: string; why: string }[];
  failedFiles: boolean;
  /** The markdown report of that run. */
  report: string;
}

/** Run the pipeline on the base texts with only `batch`'s change sets, verification on. */
async function checkAlone(cwd: string, base: ReadonlyMap<string, string>, batch: Batch, transforms: ReturnType<typeof selectTransforms>, options: Record<string, unknown>): Promise<AloneOutcome> {
  const ids = batch.changeSets.map((c) => c.id);
  const map = mapOf(cwd, base);
  const result = await runPipeline(map, { transforms, transformOptions: { ...options, changeset: ids } });
  const plan = planOf(result);
  const failedFiles = result.files.some((f) => f.status === 'failed');
  const dropped = new Map((plan?.droppedChangeSets ?? []).map((d) => [d.id, d.why]));
  // With project references, each project is also checked with its own options, as `tsc -b` builds it.
  const built = failedFiles ? undefined : buildProblemOf(map, base);
  if (built) for (const id of ids) if (!dropped.has(id)) dropped.set(id, built);
  const kept = new Set((plan?.changeSets ?? []).map((c) => c.id));
  const notApplied = ids
    .filter((id) => failedFiles || dropped.has(id) || !kept.has(id))
    .map((id) => ({ id, why: dropped.get(id) ?? (failedFiles ? 'some file of the batch failed (see the report)' : 'not in the plan of the batch run alone') }));
  const patches = createPatches(map, findPatchBase(map, map.changedPaths()).dir);
  const report = await renderRunReport('markdown', buildJsonResult(result, patches, 'dry-run'), { readOriginal: (f) => map.getOriginal(f), plan });
  return { applied: ids.filter((id) => !notApplied.some((n) => n.id === id)), notApplied, failedFiles, report };
}

/**
 * `tsc -b`-like: the first new diagnostic of a project checked with its own options
 * (src/plan/build-check.ts) after the batch, when the project uses project references; else undefined.
 */
function buildProblemOf(map: FileMap, base: ReadonlyMap<string, string>): string | undefined {
  const loaded = analysedProjects.get(map);
  if (!loaded || !usesProjectReferences(loaded.layout)) return undefined;
  const before = new Map([...base].map(([p, t]) => [map.absolutePath(p), t]));
  const after = new Map(map.paths().map((p) => [map.absolutePath(p), map.getOrThrow(p)]));
  const problems = checkProjectBuilds(loaded.layout, before, after, map.cwd, loaded.resolveModuleNames);
  if (problems.length === 0) return undefined;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `the project ${path.relative(map.cwd, problems[0].project).split(path.sep).join('/')} does not build with its own options (tsc -b): ${problems[0].text}${more}`;
}

/**
 * The texts after running the pipeline on the base texts with the change sets `ids` (the earlier
 * batches' and this one's), or undefined when some file failed or verification dropped one of the
 * sets (then the texts would lack it).
 */
async function runCumulative(cwd: string, base: ReadonlyMap<string, string>, ids: string[], transforms: ReturnType<typeof selectTransforms>, options: Record<string, unknown>): Promise<Map<string, string> | undefined> {
  const map = mapOf(cwd, base);
  const result = await runPipeline(map, { transforms, transformOptions: { ...options, changeset: ids } });
  if (result.files.some((f) => f.status === 'failed')) return undefined;
  // A set the verification retry dropped is missing from the result: never a patch without it (or undoing it).
  const kept = new Set((planOf(result)?.changeSets ?? []).map((c) => c.id));
  if (ids.some((id) => !kept.has(id))) return undefined;
  return new Map(map.paths().map((p) => [p, map.getOrThrow(p)]));
}

/** The patch from `before` to `after` (display paths of `map`), paths relative to the patch base as `run --diff` writes them. */
function patchBetween(map: FileMap, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string {
  const changed = [...after.keys()].filter((p) => before.get(p) !== after.get(p));
  const baseDir = findPatchBase(map, changed).dir;
  const patches = changed.flatMap((p) => {
    const header = path.relative(baseDir, map.absolutePath(p)).split(path.sep).join('/');
    const patch = createFilePatch(header, before.get(p) ?? '', after.get(p) ?? '');
    return patch ? [{ ...patch, path: p }] : [];
  });
  return joinPatches(patches);
}

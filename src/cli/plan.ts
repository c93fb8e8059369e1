/**
 * `async-migrate plan [paths..]`: compute the propagate-async plan and print it, without changing
 * anything. Text by default (what becomes async and why, what stays sync and why, exported API that
 * changes); `--json` (or `--format json`) prints the Plan as data — save it and apply it later with
 * `async-migrate run --plan plan.json` or `npx jscodeshift -t transforms/propagate-async.ts --plan
 * plan.json <paths>`; `--format mermaid` draws the call chains. `--changesets` lists the change sets
 * instead (src/plan/format-changesets.ts; `--json`: `{ schemaVersion, changesets: [ { id, label, files,
 * seeds, functions, callSites, lines, exportedApi, sharesFilesWith } ], dropped }`). The whole project is
 * analysed; the paths choose the change sets, as with `run <paths>`.
 *
 * A tsconfig that cannot be used (does not parse, bad `extends`) is named on stderr with its
 * line:column (AM346, as `run` reports it), and the sites in its files say so instead of AM108.
 *
 * Exit codes: 0 done, 2 usage or configuration error (bad --project, --seed naming no function).
 */
import type { Argv } from 'yargs';
import type { Plan } from '../core/plan';
import { planProject } from '../plan/plan-project';
import type { LoadedProject } from '../plan/load-project';
import { brokenConfigFindings, explainBrokenConfigSites } from '../plan/project-faults';
import { formatPlanMermaid, formatPlanText } from '../plan/format-plan';
import { describeChangeSets, formatChangeSetsMermaid, formatChangeSetsText } from '../plan/format-changesets';
import { EXIT, type CommandFactory } from './context';
import { addInputOptions, loadInputFiles, readTransformOptions, toList, type InputArgs } from './shared';

/** Parsed `plan` arguments. */
export interface PlanArgs extends InputArgs {
  json?: boolean;
  format?: 'text' | 'json' | 'mermaid';
  changesets?: boolean;
}

const createPlanCommand: CommandFactory = (ctx) => ({
  command: 'plan [paths..]',
  describe: 'Print the propagate-async plan: which functions become async, which call sites are awaited, what stays sync and why',
  builder: (y: Argv) =>
    addInputOptions(y)
      .option('json', { describe: 'Print the plan as JSON (same as --format json)', type: 'boolean', default: false })
      .option('format', { describe: 'Output format', choices: ['text', 'json', 'mermaid'], default: 'text' })
      .option('changesets', { describe: 'List the change sets (groups that must change together: id, files, size, seeds, exported signatures) instead of the plan', type: 'boolean', default: false })
      .example('$0 plan src', 'what propagation would change, with the chains that force or block it')
      .example('$0 plan src --json > plan.json', 'save the plan to review or apply later')
      .example('$0 plan src --format mermaid', 'draw the call chains')
      .example('$0 plan . --changesets', 'the change sets, to apply one at a time with run --changeset <id>'),
  handler: async (argv: PlanArgs) => {
    const { fileMap, problems } = await loadInputFiles(ctx, argv);
    for (const p of problems) ctx.stderr.write(`async-migrate: ${p.path}: ${p.message}\n`);
    const options = readTransformOptions(argv);
    const texts = new Map<string, string>();
    for (const p of fileMap.paths()) texts.set(fileMap.absolutePath(p), fileMap.getOrThrow(p));
    let loaded: LoadedProject | undefined;
    const plan = planProject(texts, {
      cwd: ctx.cwd,
      project: typeof options.project === 'string' ? options.project : undefined,
      seeds: toList(options.seed, true),
      publicApi: options.publicApi === 'keep' || options.publicApi === 'change' ? options.publicApi : undefined,
      tests: options.tests === 'migrate' ? 'migrate' : undefined,
      fsModules: toList(options.fsModules, true),
      concurrency: options.concurrency === 'sequential' ? 'sequential' : 'parallel',
      allowCallbacks: toList(options.allowCallbacks, true),
      target: typeof options.target === 'string' && options.target !== '' ? options.target : undefined,
      fileSet: { expand: options.expand === true },
      onLoaded: (project) => (loaded = project),
    });
    if (loaded) {
      explainBrokenConfigSites(plan, loaded, ctx.cwd);
      for (const f of brokenConfigFindings(loaded, texts, ctx.cwd, toList(options.fsModules, true))) ctx.stderr.write(`async-migrate: ${f.code} ${f.message}\n`);
    }
    const format = argv.json ? 'json' : (argv.format ?? 'text');
    if (argv.changesets) {
      if (format === 'json') ctx.stdout.write(`${JSON.stringify(describeChangeSets(plan), null, 2)}\n`);
      else ctx.stdout.write(format === 'mermaid' ? formatChangeSetsMermaid(plan) : formatChangeSetsText(plan));
    } else if (format === 'json') ctx.stdout.write(`${JSON.stringify(planDocument(plan), null, 2)}\n`);
    else if (format === 'mermaid') ctx.stdout.write(formatPlanMermaid(plan));
    else ctx.stdout.write(formatPlanText(plan));
    ctx.exitCode = problems.length > 0 ? EXIT.failed : EXIT.ok;
  },
});

export default createPlanCommand;

/**
 * The plan as `plan --json` prints it: `schemaVersion` (as every JSON output of the CLI) in place of
 * the in-memory `version`; `--plan <file>` (src/core/read-plan.ts) reads it back.
 */
export function planDocument(plan: Plan): Omit<Plan, 'version'> & { schemaVersion: 1 } {
  const { version: _version, ...rest } = plan;
  return { schemaVersion: 1, ...rest };
}

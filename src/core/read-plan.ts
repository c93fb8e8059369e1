/**
 * Get the plan a run of propagate-async applies: the object the engine passes as `options.plan`,
 * or a path to a JSON file written by `async-migrate plan --json` (`npx jscodeshift -t
 * transforms/propagate-async.ts --plan plan.json src/`), read once per process.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FilePlan, Plan } from './plan';
import { isReasonCode } from './reasons';

const cache = new Map<string, Plan>();

/**
 * The plan from `options.plan`, or undefined when none was given.
 * @throws Error naming the file when a plan path cannot be read, is not a plan, or names a reason
 *   code this version does not have.
 */
export function readPlan(value: unknown): Plan | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return value as Plan;
  const file = path.resolve(String(value));
  let plan = cache.get(file);
  if (!plan) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`--plan ${value}: cannot read the plan (${(error as Error).message}); write one with \`async-migrate plan --json > plan.json\``);
    }
    // `plan --json` writes `schemaVersion` (plans saved before it say `version`); in memory it is `version`
    const doc = parsed as (Plan & { schemaVersion?: unknown }) | null;
    if (!doc || typeof doc !== 'object' || (doc.schemaVersion !== 1 && doc.version !== 1) || typeof doc.files !== 'object') {
      throw new Error(`--plan ${value}: not an async-migrate plan (expected {"schemaVersion": 1, "files": {…}})`);
    }
    // reason codes are a closed set: a plan written by another version may name one this one lacks
    for (const filePlan of Object.values(doc.files)) {
      const unknown = (Array.isArray(filePlan?.blocked) ? filePlan.blocked : []).find((b) => !isReasonCode(String(b?.code)));
      if (unknown) throw new Error(`--plan ${value}: unknown reason code ${String(unknown.code)} at ${unknown.file}:${unknown.line}; write the plan again with this version (\`async-migrate plan --json\`)`);
    }
    plan = { ...doc, version: 1 };
    delete (plan as { schemaVersion?: unknown }).schemaVersion;
    cache.set(file, plan);
  }
  return plan;
}

/**
 * This file's part of `plan`. Plan keys are paths relative to the directory the plan was made in
 * (the working directory), with `/` separators; `filePath` may be relative or absolute.
 */
export function getFilePlan(plan: Plan, filePath: string, cwd: string = process.cwd()): FilePlan | undefined {
  const relative = path.relative(cwd, path.resolve(cwd, filePath)).split(path.sep).join('/');
  return plan.files[relative] ?? plan.files[filePath] ?? plan.files[path.resolve(cwd, filePath)];
}

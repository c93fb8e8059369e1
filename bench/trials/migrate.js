'use strict';
/** Steps 5 and 7 of a trial: `async-migrate run . --write --json` and the git bookkeeping around it. */
const fs = require('fs');
const path = require('path');
const { MINUTE, runCommand, mustRun } = require('./command');

/**
 * Run the built CLI of `engine` (a folder holding bin/async-migrate and dist/) in the trial's
 * repository; its stdout and stderr are kept in `<trial>/migrate-<label>.json` and `.log`.
 * @returns {Promise<{code: number|string, ms: number, summary?: object, findings: object[], rewritten: object[], leftAlone: object[], notCollapsed: object[], changedFiles: string[], stderr: string}>}
 *   `code` is `timeout` when the run was killed; `summary` is undefined when stdout was not JSON
 */
async function migrate(folder, engine, label, extraArgs = []) {
  const result = await runCommand(process.execPath, [engine.bin, 'run', '.', '--write', '--json', ...extraArgs], { cwd: folder.repo, timeoutMs: 20 * MINUTE });
  fs.writeFileSync(path.join(folder.dir, `migrate-${label}.json`), result.stdout);
  fs.writeFileSync(path.join(folder.dir, `migrate-${label}.log`), result.stderr);
  let json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  const findings = json ? json.findings : [];
  return {
    code: result.timedOut ? 'timeout' : result.code,
    ms: result.ms,
    summary: json ? json.summary : undefined,
    findings,
    rewritten: findings.filter((f) => f.kind === 'rewritten'),
    // collapse-delegation's refusals (AM5xx) are wrappers not collapsed, not sync sites left behind.
    leftAlone: findings.filter((f) => f.kind === 'left-alone' && !/^AM5/.test(f.code)),
    notCollapsed: findings.filter((f) => f.kind === 'left-alone' && /^AM5/.test(f.code)),
    changedFiles: json ? json.files.filter((f) => f.status === 'changed').map((f) => f.path) : [],
    stderr: result.stderr,
  };
}

/** `git status --porcelain` of the trial's repository (tracked and untracked, not ignored). */
async function gitStatus(folder) {
  return (await mustRun('git status', 'git', ['status', '--porcelain'], { cwd: folder.repo, timeoutMs: MINUTE })).stdout;
}

/** Commit the migrated sources (so the second run's --write sees a clean tree). */
async function commitMigration(folder) {
  await mustRun('git add', 'git', ['add', '-A'], { cwd: folder.repo, timeoutMs: MINUTE });
  await mustRun('git commit', 'git', ['commit', '-q', '--allow-empty', '-m', 'async-migrate run . --write'], { cwd: folder.repo, timeoutMs: MINUTE });
}

/** Reason codes with counts, most frequent first: `AM002 ×5, AM301 ×1` (`—` for none). */
function countCodes(findings) {
  const counts = new Map();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ×${n}`).join(', ') || '—';
}

module.exports = { migrate, gitStatus, commitMigration, countCodes };

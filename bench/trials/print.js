'use strict';
/** What `npm run trials` prints: one line per trial, the details that explain it, and a Markdown row. */
const { countCodes } = require('./migrate');
const { tail } = require('./command');

const counts = (t) => `${t.pass} pass / ${t.fail} fail`;
const idempotentText = (row) => (row.second.summary === undefined ? 'n/a (run failed)' : row.idempotent ? 'yes' : 'no');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** `exit 0, 0 errors` / `exit 2, 3 errors` / `—` for a trial without a type check. */
function typecheckText(t) {
  return t ? `exit ${t.code}, ${t.errors.length} errors` : '—';
}

/** `migrated / structural / otherwise` of the source sync fs sites. */
function sitesText(sites) {
  return `${sites.migrated} / ${sites.structural} / ${sites.otherwise.length}`;
}

/** `0 → 0 failing` or `—` when Prettier is not used or nothing changed. */
function prettierText(p) {
  return p ? `${p.before.size} → ${p.after.size} failing${p.newFailures.length ? ` (new: ${p.newFailures.join(', ')})` : ''}` : '—';
}

/** The lines that explain a row: codes, files, sites left otherwise, failures, problems. */
function printDetails(row) {
  const { trial, before, first, after, second } = row;
  console.log(`    rewritten: ${countCodes(first.rewritten)}; left alone: ${countCodes(first.leftAlone)}; wrappers not collapsed: ${countCodes(first.notCollapsed)}`);
  if (first.changedFiles.length) console.log(`    files: ${first.changedFiles.join(', ')}`);
  console.log(`    source sync fs sites (${row.sites.total}): migrated ${row.sites.migrated}, structural ${row.sites.structural}, otherwise ${row.sites.otherwise.length}`);
  for (const s of row.sites.otherwise) console.log(`      ${s.file}:${s.line} ${s.name}: ${s.code} ${s.message}`);
  console.log(`    type check (${trial.typecheck || 'none'}): before ${typecheckText(row.typecheckBefore)}, after ${typecheckText(row.typecheckAfter)}; prettier --check on changed files: ${prettierText(row.prettier)}`);
  if (row.typecheckAfter && row.typecheckAfter.code !== 0) console.log(row.typecheckAfter.tail.replace(/^/gm, '      '));
  console.log(`    tests: ${seconds(before.ms)} before, ${seconds(after.ms)} after; expected (by hand): ${trial.expect}`);
  for (const t of [before, after]) if (t.problem) console.log(`    test run ${t === before ? 'before' : 'after'}: ${t.problem}\n${t.tail.replace(/^/gm, '      ')}`);
  for (const n of row.newFailures) console.log(`    new failure: ${n}`);
  for (const [label, m] of [['first', first], ['second', second]]) {
    if (m.code !== 0) console.log(`    ${label} migration exited ${m.code}:\n${tail(m.stderr, 15).replace(/^/gm, '      ')}`);
  }
  if (!row.idempotent && second.summary !== undefined) console.log(`    second run changed: ${second.changedFiles.join(', ') || '(git status differs)'}`);
  if (row.releaseBlocker) console.log(`    RELEASE BLOCKER: async-migrate exited 0 but the project's own type check/build got worse (${typecheckText(row.typecheckBefore)} → ${typecheckText(row.typecheckAfter)})`);
  console.log(`    folder: ${row.folder.repo}`);
}

/** One result line per trial, then the details that explain it. */
function printRow(row) {
  const { trial, before, first, after } = row;
  console.log([
    trial.name.padEnd(18),
    `changed ${first.changedFiles.length}`,
    `rewritten ${first.rewritten.length}`,
    `left alone ${first.leftAlone.length}`,
    `fs sites ${sitesText(row.sites)}`,
    `typecheck ${typecheckText(row.typecheckBefore)} → ${typecheckText(row.typecheckAfter)}`,
    `tests ${counts(before)} → ${counts(after)}`,
    `same failures ${row.sameFailures ? 'yes' : 'no'}`,
    `idempotent ${idempotentText(row)}`,
    `exit ${first.code}`,
    `migration ${seconds(first.ms)}`,
    row.releaseBlocker ? 'RELEASE BLOCKER' : row.failed ? 'FAILED' : 'ok',
  ].join(' | '));
  printDetails(row);
}

/** The row's line for the table in bench/README.md (printed with --markdown). */
function markdownRow(row) {
  const { trial, before, first, after } = row;
  return `| ${trial.name} | ${first.changedFiles.length} | ${first.rewritten.length}: ${countCodes(first.rewritten)} | ${countCodes(first.leftAlone)} | ${sitesText(row.sites)} | ${typecheckText(row.typecheckBefore)} → ${typecheckText(row.typecheckAfter)} | ${counts(before)} → ${counts(after)} | ${prettierText(row.prettier)} | ${first.code} | ${idempotentText(row)} | ${seconds(first.ms)} |`;
}

module.exports = { printRow, markdownRow };

'use strict';
/**
 * Readers of test-runner output for `npm run trials`. Each returns `{pass, fail, failing}`: counts
 * (NaN when the output has no summary) and the set of failing test names.
 */
const fs = require('fs');

/**
 * Read TAP (mocha's tap reporter, node --test's): counts from the last `# pass` / `# fail` lines,
 * failing tests from `not ok` lines, each named by the `# Subtest:` lines enclosing it (node) and
 * its own description, without the test number.
 * @param {string} text the runner's stdout
 * @returns {{pass: number, fail: number, failing: Set<string>}}
 */
function parseTap(text) {
  const failing = new Set();
  const subtests = []; // [indent, name]
  let pass = NaN;
  let fail = NaN;
  for (const line of text.split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length;
    const subtest = /^\s*# Subtest: (.*)$/.exec(line);
    if (subtest) {
      while (subtests.length && subtests[subtests.length - 1][0] >= indent) subtests.pop();
      subtests.push([indent, subtest[1]]);
      continue;
    }
    const notOk = /^\s*not ok \d+ (?:- )?(.*?)(?: # .*)?$/.exec(line);
    if (notOk) {
      // node --test names the subtest twice (`# Subtest: x` … `not ok 1 - x`): keep the outer path.
      const outer = subtests.filter(([i]) => i < indent).map(([, n]) => n);
      failing.add([...outer, notOk[1]].join(' > '));
      continue;
    }
    const count = /^# (pass|fail) (\d+)$/.exec(line);
    if (count) {
      if (count[1] === 'pass') pass = Number(count[2]);
      else fail = Number(count[2]);
    }
  }
  return { pass, fail, failing };
}

/**
 * Read vows' spec reporter: `✓ OK » N honored` or `✗ Broken » N honored ∙ M broken ∙ K errored`,
 * failing vows from `✗ name` lines (named with the context line above them).
 * @param {string} text the runner's stdout and stderr
 * @returns {{pass: number, fail: number, failing: Set<string>}}
 */
function parseVows(text) {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/);
  const failing = new Set();
  let context = '';
  let pass = NaN;
  let fail = NaN;
  for (const line of lines) {
    const summary = /(?:OK|Broken|Errored) » (.*)$/.exec(line);
    if (summary) {
      const n = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(summary[1]) || [0, 0])[1]);
      pass = n('honored');
      fail = n('broken') + n('errored');
      continue;
    }
    const failed = /^\s+[✗✗] (.*)$/.exec(line);
    if (failed) failing.add(`${context} > ${failed[1].trim()}`);
    else if (/^\s{2}\S/.test(line) && !/^\s+[✓»]/.test(line)) context = line.trim();
  }
  return { pass, fail, failing };
}

/**
 * Read the JSON report of jest (`--json --outputFile=…`) or vitest (`--reporter=json
 * --outputFile=…`, the same shape): passing and failing assertions; a test file that failed to run
 * (no assertions, status failed: a syntax or type error, a missing module) counts as one failure
 * named `file: <path> (did not run)`. Paths are made relative to `root`.
 * @param {string} file the report's path (missing or unreadable: NaN counts)
 * @param {string} root the project folder
 * @returns {{pass: number, fail: number, failing: Set<string>}}
 */
function parseJestJson(file, root) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { pass: NaN, fail: NaN, failing: new Set() };
  }
  const failing = new Set();
  let pass = 0;
  let fail = 0;
  for (const suite of report.testResults || []) {
    const name = String(suite.name || suite.testFilePath || '').replace(`${root}/`, '');
    const assertions = suite.assertionResults || [];
    if (suite.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      failing.add(`file: ${name} (did not run)`);
      fail += 1;
    }
    for (const a of assertions) {
      if (a.status === 'passed') pass += 1;
      else if (a.status === 'failed') {
        fail += 1;
        failing.add(`${name} > ${a.fullName || a.title}`);
      }
    }
  }
  return { pass, fail, failing };
}

module.exports = { parseTap, parseVows, parseJestJson };

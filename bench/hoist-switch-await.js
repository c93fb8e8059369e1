/**
 * Show the gain of hoist-switch-await: compile every positive fixture's input and output with the
 * TypeScript compiler API and compare what comes out.
 *
 * - ES2015 target (the issue's `tsc --target ES2015`): emitted bytes and `yield` count. At ES2015,
 *   TypeScript lowers each `await` to one `yield` inside a native generator passed to `__awaiter`.
 * - ES5 target: emitted bytes and the number of `case` states of the `__generator` state machines
 *   (the `switch (_a.label)` TypeScript writes for each async function; ES2015 has native generators,
 *   so `__generator` only appears when generators are lowered too).
 * Helpers are not emitted (`noEmitHelpers`), so sizes compare the functions themselves.
 *
 * Usage: `node bench/hoist-switch-await.js` prints the table; `require('./hoist-switch-await').runHoistBench()`
 * resolves to the same text (for bench/run.js).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const FIXTURES = path.join(__dirname, '..', 'testfixtures', 'hoist-switch-await');

/** Transpile one file's text for `target`; returns the emitted JavaScript. */
function emit(text, fileName, target) {
  return ts.transpileModule(text, {
    fileName,
    compilerOptions: { target, module: ts.ModuleKind.CommonJS, noEmitHelpers: true, importHelpers: false, allowJs: true },
    reportDiagnostics: false,
  }).outputText;
}

/** Number of `yield` expressions in emitted code (one per await at ES2015). */
function countYields(js) {
  const sf = ts.createSourceFile('out.js', js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let n = 0;
  const visit = (node) => {
    if (ts.isYieldExpression(node)) n++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

/**
 * Number of states of every `__generator(this, function (_a) { switch (_a.label) { … } })` in ES5
 * output; a generator body without that switch (no suspension point) counts as one state.
 */
function countGeneratorStates(js) {
  const sf = ts.createSourceFile('out.js', js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let states = 0;
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === '__generator') {
      const body = node.arguments[1];
      if (body && ts.isFunctionExpression(body)) {
        const param = body.parameters[0] && body.parameters[0].name.getText(sf);
        const sw = body.body.statements.find(
          (s) => ts.isSwitchStatement(s) && ts.isPropertyAccessExpression(s.expression) && s.expression.name.text === 'label' && s.expression.expression.getText(sf) === param,
        );
        states += sw ? sw.caseBlock.clauses.length : 1;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return states;
}

function measure(text, fileName) {
  const es2015 = emit(text, fileName, ts.ScriptTarget.ES2015);
  const es5 = emit(text, fileName, ts.ScriptTarget.ES5);
  return { es2015Bytes: Buffer.byteLength(es2015), yields: countYields(es2015), es5Bytes: Buffer.byteLength(es5), states: countGeneratorStates(es5) };
}

/** The positive fixture pairs: [{ name, input, output, fileName }]. */
function readPairs(dir = FIXTURES) {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.input\.[cm]?[jt]sx?$/.test(f))
    .map((f) => ({ f, out: f.replace('.input.', '.output.') }))
    .filter(({ out }) => fs.existsSync(path.join(dir, out)))
    .map(({ f, out }) => ({
      name: f.replace(/\.input\./, '.'),
      fileName: f,
      input: fs.readFileSync(path.join(dir, f), 'utf8'),
      output: fs.readFileSync(path.join(dir, out), 'utf8'),
    }));
}

const pct = (before, after) => (before === 0 ? '' : ` (${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%)`);

/** Run the comparison and return it as a printable table. */
async function runHoistBench() {
  const rows = [];
  const total = { b: { es2015Bytes: 0, yields: 0, es5Bytes: 0, states: 0 }, a: { es2015Bytes: 0, yields: 0, es5Bytes: 0, states: 0 } };
  for (const pair of readPairs()) {
    const b = measure(pair.input, pair.fileName);
    const a = measure(pair.output, pair.fileName);
    for (const k of Object.keys(b)) {
      total.b[k] += b[k];
      total.a[k] += a[k];
    }
    rows.push([pair.name, b, a]);
  }
  rows.push(['total', total.b, total.a]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = [
    `hoist-switch-await: fixture inputs vs outputs, compiled with TypeScript ${ts.version} (helpers not emitted)`,
    `${'fixture'.padEnd(width)}  ES2015 bytes            yields   ES5 bytes               __generator states`,
  ];
  for (const [name, b, a] of rows) {
    lines.push(
      `${name.padEnd(width)}  ${`${b.es2015Bytes} → ${a.es2015Bytes}${pct(b.es2015Bytes, a.es2015Bytes)}`.padEnd(22)}  ${`${b.yields} → ${a.yields}`.padEnd(7)}  ${`${b.es5Bytes} → ${a.es5Bytes}${pct(b.es5Bytes, a.es5Bytes)}`.padEnd(22)}  ${b.states} → ${a.states}`,
    );
  }
  return lines.join('\n');
}

module.exports = { runHoistBench, countGeneratorStates, countYields };

if (require.main === module) {
  runHoistBench().then(
    (text) => console.log(text),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

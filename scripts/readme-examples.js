#!/usr/bin/env node
/**
 * Keeps README's transform examples true: between `<!-- example:<transform> -->` and
 * `<!-- /example -->`, README shows the unified diff of that transform's `meta.example` fixture
 * (testfixtures/<transform>/<example>.input.* → .output.*).
 *
 * `node scripts/readme-examples.js` rewrites README.md; `--check` exits 1 when it is out of date
 * (test/docs.test.ts runs the same comparison).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { createPatch } = require('diff');

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');

/** Source files under `dir`, relative, sorted. */
function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  }).sort();
}

/** The diff of a multi-file example (`<example>/input/…` → `<example>/output/…`), one patch per changed file. */
function folderExampleBlock(transform, caseDir) {
  const patches = listFiles(path.join(caseDir, 'output')).map((rel) => {
    const before = fs.readFileSync(path.join(caseDir, 'input', rel), 'utf8');
    const after = fs.readFileSync(path.join(caseDir, 'output', rel), 'utf8');
    return createPatch(rel, before, after, '', '', { context: 3 })
      .split('\n')
      .filter((line) => !line.startsWith('Index:') && !line.startsWith('====='))
      .join('\n')
      .replace(/^--- .*$/m, `--- a/${rel}`)
      .replace(/^\+\+\+ .*$/m, `+++ b/${rel}`)
      .trimEnd();
  });
  return `<!-- example:${transform} -->\n\`\`\`diff\n${patches.join('\n')}\n\`\`\`\n<!-- /example -->`;
}

/** The fenced diff block for one transform's example fixture (a single-file case or a case folder). */
function exampleBlock(transform, example) {
  const dir = path.join(ROOT, 'testfixtures', transform);
  if (fs.existsSync(path.join(dir, example, 'output'))) return folderExampleBlock(transform, path.join(dir, example));
  const input = fs.readdirSync(dir).find((f) => f.startsWith(`${example}.input.`));
  if (!input) throw new Error(`testfixtures/${transform}: no fixture named ${example}`);
  const ext = input.slice(input.lastIndexOf('.'));
  const before = fs.readFileSync(path.join(dir, input), 'utf8');
  const after = fs.readFileSync(path.join(dir, `${example}.output${ext}`), 'utf8');
  const name = `example${ext}`;
  const patch = createPatch(name, before, after, '', '', { context: 3 })
    .split('\n')
    .filter((line) => !line.startsWith('Index:') && !line.startsWith('====='))
    .join('\n')
    .replace(/^--- .*$/m, `--- a/${name}`)
    .replace(/^\+\+\+ .*$/m, `+++ b/${name}`);
  return `<!-- example:${transform} -->\n\`\`\`diff\n${patch.trimEnd()}\n\`\`\`\n<!-- /example -->`;
}

/**
 * The reason-code table: one row per code of src/core/reasons.ts (`reasons` is its REASONS object), so
 * README documents every code async-migrate can emit, with its explanation and fix.
 */
function reasonTable(reasons) {
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = Object.values(reasons).map((r) => `| ${r.code} | ${cell(r.title)} | ${r.level} | ${cell(r.explanation)} | ${cell(r.fix)} |`);
  return ['<!-- reason-codes -->', '| Code | Title | Level | Why | What you can do |', '| --- | --- | --- | --- | --- |', ...rows, '<!-- /reason-codes -->'].join('\n');
}

/** README's text with every example block (and the reason-code table, given `reasons`) regenerated. */
function renderReadme(readme, examples, reasons) {
  if (reasons) readme = readme.replace(/<!-- reason-codes -->[\s\S]*?<!-- \/reason-codes -->/, () => reasonTable(reasons));
  const opened = (readme.match(/<!-- example:[\w-]+ -->/g) ?? []).length;
  const closed = (readme.match(/<!-- \/example -->/g) ?? []).length;
  if (opened !== closed) throw new Error(`README has ${opened} example blocks but ${closed} <!-- /example --> markers`);
  return readme.replace(/<!-- example:([\w-]+) -->[\s\S]*?<!-- \/example -->/g, (_match, transform) => {
    const example = examples[transform];
    if (!example) throw new Error(`README names an example for unknown transform ${transform}`);
    return exampleBlock(transform, example);
  });
}

/** `{ transform: exampleFixtureName }` from the registry (needs `npm run build`). */
function registryExamples() {
  const { TRANSFORMS } = require(path.join(ROOT, 'dist', 'src', 'engine', 'registry'));
  return Object.fromEntries(TRANSFORMS.map((t) => [t.meta.name, t.meta.example]));
}

module.exports = { renderReadme, exampleBlock };

if (require.main === module) {
  const current = fs.readFileSync(README, 'utf8');
  const next = renderReadme(current, registryExamples(), require(path.join(ROOT, 'dist', 'src', 'core', 'reasons')).REASONS);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md examples are out of date: run `node scripts/readme-examples.js`');
      process.exitCode = 1;
    }
  } else if (next !== current) {
    fs.writeFileSync(README, next);
    console.log('README.md examples updated');
  }
}

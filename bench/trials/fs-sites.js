'use strict';
/**
 * The column "source sync fs sites: migrated / left with a structural reason / left otherwise".
 *
 * The sites are found independently of the engine (so that a site the engine never reports is
 * counted too): in every file git tracks that is not a test, a fixture or a declaration file, the
 * calls of a `*Sync` function of an fs module (`fs`, `node:fs`, `fs-extra`, `graceful-fs`) through a
 * namespace or default binding (`fs.readFileSync(…)`) or a named import or destructured require
 * (`readFileSync(…)`). Each site is then matched with the engine's fs-promises finding on the same
 * file, line and function name.
 */
const fs = require('fs');
const path = require('path');
const { MINUTE, mustRun } = require('./command');

const ROOT = path.join(__dirname, '..', '..');
const FS_MODULES = new Set(['fs', 'node:fs', 'fs-extra', 'graceful-fs']);
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Reason codes of a site left alone for a reason in the code's structure (a context where `await`
 * cannot go, an fs API without a promise twin of the same shape, an API synchronous on purpose: a
 * kept public API, a `*Sync` name, test fixture I/O). Every other left-alone code (a mock, a value
 * of unknown type, a callback the tool cannot restructure, verification), or no finding at all, is
 * "left otherwise" and needs a note in bench/README.md.
 */
const STRUCTURAL = new Set(['AM101', 'AM102', 'AM103', 'AM104', 'AM105', 'AM107', 'AM108', 'AM111', 'AM114', 'AM201', 'AM202', 'AM203', 'AM205', 'AM330', 'AM332', 'AM333']);

/** Whether a repository path is test code, a fixture or a mock rather than source. */
function isTestPath(file) {
  return /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|fixtures?|e2e)\//.test(file) || /[.-](test|spec)\.[^/]+$/.test(file);
}

/** The module name of `require('x')` or undefined. */
function requiredModule(ts, node) {
  if (node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
    && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) return node.arguments[0].text;
  return undefined;
}

/** The names bound to fs modules in a file: namespaces (`fs`) and imported sync functions (local → imported name). */
function fsBindings(ts, sourceFile) {
  const namespaces = new Set();
  const functions = new Map();
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && FS_MODULES.has(node.moduleSpecifier.text) && node.importClause) {
      const clause = node.importClause;
      if (clause.name) namespaces.add(clause.name.text);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) namespaces.add(named.name.text);
      if (named && ts.isNamedImports(named)) for (const s of named.elements) functions.set(s.name.text, (s.propertyName || s.name).text);
    } else if (ts.isVariableDeclaration(node) && FS_MODULES.has(requiredModule(ts, node.initializer))) {
      if (ts.isIdentifier(node.name)) namespaces.add(node.name.text);
      else if (ts.isObjectBindingPattern(node.name)) {
        for (const e of node.name.elements) if (ts.isIdentifier(e.name)) functions.set(e.name.text, (e.propertyName || e.name).text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { namespaces, functions };
}

/**
 * The sync fs call sites of one file's text.
 * @returns {{file: string, line: number, name: string}[]}
 */
function syncFsCalls(ts, file, text) {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const { namespaces, functions } = fsBindings(ts, sourceFile);
  if (!namespaces.size && !functions.size) return [];
  const sites = [];
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let name;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text)) name = callee.name.text;
      else if (ts.isIdentifier(callee) && functions.has(callee.text)) name = functions.get(callee.text);
      if (name && name.endsWith('Sync')) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        sites.push({ file, line, name });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

/**
 * Step 4b: the source sync fs call sites of the repository as git tracks it (the pristine tree).
 * @returns {Promise<{file: string, line: number, name: string}[]>}
 */
async function scanSourceSites(folder) {
  const ts = require(require.resolve('typescript', { paths: [ROOT] }));
  const listed = await mustRun('git ls-files', 'git', ['ls-files', '-z'], { cwd: folder.repo, timeoutMs: MINUTE });
  const files = listed.stdout.split('\0').filter((f) => SOURCE_EXTENSION.test(f) && !/\.d\.[cm]?ts$/.test(f) && !isTestPath(f));
  const sites = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(folder.repo, file), 'utf8');
    if (!/Sync\s*\(/.test(text)) continue;
    sites.push(...syncFsCalls(ts, file, text));
  }
  return sites;
}

/**
 * Match the scanned sites with the migration's fs-promises findings.
 * @param {{file: string, line: number, name: string}[]} sites from {@link scanSourceSites}
 * @param {object[]} findings the first migration's `--json` findings
 * @returns {{total: number, migrated: number, structural: number, otherwise: {file: string, line: number, name: string, code: string, message: string}[]}}
 *   `code` is `none` for a site with no finding at all
 */
function classifySites(sites, findings) {
  const byKey = new Map();
  for (const f of findings) {
    if (f.transform !== 'fs-promises') continue;
    byKey.set(`${f.file}:${f.line}:${f.subject}`, f);
  }
  let migrated = 0;
  let structural = 0;
  const otherwise = [];
  for (const site of sites) {
    const finding = byKey.get(`${site.file}:${site.line}:${site.name}`);
    if (finding && finding.kind === 'rewritten') migrated += 1;
    else if (finding && STRUCTURAL.has(finding.code)) structural += 1;
    else otherwise.push({ ...site, code: finding ? finding.code : 'none', message: finding ? finding.message : 'no finding' });
  }
  return { total: sites.length, migrated, structural, otherwise };
}

module.exports = { scanSourceSites, classifySites, isTestPath, STRUCTURAL };

'use strict';
/**
 * Steps 1–3 of a trial: put the sources in `<trial>/repo/`, make it a git repository tagged
 * `pristine`, install its dependencies. They run once per recipe; `<trial>/.installed` records the
 * recipe's key and later runs reuse the folder while it matches. Every run then starts from
 * `git reset --hard pristine && git clean -fd` (ignored build output such as lib/ stays).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MINUTE, EnvironmentError, mustRun } = require('./command');

/**
 * The folder of one trial and the key of its recipe (a change of recipe reinstalls).
 * @param {object} trial a catalog entry
 * @param {string} [base] the parent folder (TRIALS_DIR, else $TMPDIR/async-migrate-trials)
 */
function trialFolder(trial, base = process.env.TRIALS_DIR || path.join(os.tmpdir(), 'async-migrate-trials')) {
  const recipe = JSON.stringify({ ...trial, expect: undefined, test: undefined, why: undefined, typecheck: undefined });
  const key = crypto.createHash('sha256').update(recipe).digest('hex').slice(0, 12);
  const label = trial.spec || `${trial.name}@${trial.commit.slice(0, 12)}`;
  const dir = path.join(base, label.replace(/[^\w.@-]/g, '_'));
  return { dir, repo: path.join(dir, 'repo'), marker: path.join(dir, '.installed'), key };
}

/** Package trials, step 1: `npm pack` the package and extract it into `repo/`; apply the recipe's edits. */
async function fetchPackage(trial, folder) {
  const packed = await mustRun(`${trial.spec}: npm pack`, 'npm', ['pack', trial.spec, '--json', '--pack-destination', folder.dir, '--fetch-timeout=60000'], { cwd: folder.dir, timeoutMs: 3 * MINUTE });
  const tarball = path.join(folder.dir, JSON.parse(packed.stdout)[0].filename);
  await mustRun(`${trial.spec}: extract`, 'tar', ['-xzf', tarball, '-C', folder.repo, '--strip-components=1'], { cwd: folder.dir, timeoutMs: MINUTE });
  const pkgFile = path.join(folder.repo, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (trial.removeDevDependencies === 'all') delete pkg.devDependencies;
  else for (const name of trial.removeDevDependencies || []) delete pkg.devDependencies[name];
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [name, text] of Object.entries(trial.files || {})) fs.writeFileSync(path.join(folder.repo, name), text);
}

/**
 * The git directory of a source folder: the folder itself when it is a bare repository (`HEAD` and
 * `objects/`, as the `fetch` tool gives), its `.git` when it is a clone, undefined for plain files.
 */
function gitDirOf(source) {
  if (fs.existsSync(path.join(source, 'HEAD')) && fs.existsSync(path.join(source, 'objects'))) return source;
  if (fs.existsSync(path.join(source, '.git'))) return path.join(source, '.git');
  return undefined;
}

/**
 * Repository trials, step 1: the pinned commit's files from `source` into `repo/` (`git archive`
 * from a git directory; a plain folder is copied as it is, without node_modules/ and .git/, and is
 * trusted to hold that commit).
 * @throws {EnvironmentError} when the folder is missing or its history lacks the pinned commit
 */
async function copyRepository(trial, folder, source) {
  if (!fs.existsSync(source)) throw new EnvironmentError(`${trial.name}: ${source} does not exist`);
  const gitDir = gitDirOf(source);
  if (!gitDir) {
    fs.cpSync(source, folder.repo, { recursive: true, filter: (p) => !/[\\/](node_modules|\.git)$/.test(p) });
    return;
  }
  const git = ['--git-dir', gitDir];
  try {
    await mustRun('git cat-file', 'git', [...git, 'cat-file', '-e', `${trial.commit}^{commit}`], { cwd: folder.dir, timeoutMs: MINUTE });
  } catch {
    throw new EnvironmentError(`${trial.name}: ${gitDir} does not have commit ${trial.commit} (${trial.repository})`);
  }
  const archive = path.join(folder.dir, 'source.tar');
  await mustRun(`${trial.name}: git archive`, 'git', [...git, 'archive', '--format=tar', '-o', archive, trial.commit], { cwd: folder.dir, timeoutMs: 5 * MINUTE });
  await mustRun(`${trial.name}: extract`, 'tar', ['-xf', archive, '-C', folder.repo], { cwd: folder.dir, timeoutMs: 5 * MINUTE });
  fs.rmSync(archive);
}

/** Step 2: make `repo/` a git repository with one commit, tagged `pristine`. */
async function initGit(folder) {
  const git = (...args) => mustRun('git', 'git', args, { cwd: folder.repo, timeoutMs: 2 * MINUTE });
  await git('init', '-q');
  await git('config', 'user.email', 'trials@async-migrate.invalid');
  await git('config', 'user.name', 'async-migrate trials');
  await git('config', 'commit.gpgsign', 'false');
  fs.mkdirSync(path.join(folder.repo, '.git', 'info'), { recursive: true });
  fs.appendFileSync(path.join(folder.repo, '.git', 'info', 'exclude'), '/node_modules/\n/package-lock.json\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'pristine');
  await git('tag', 'pristine');
}

/** Step 3: install the dependencies (package trials: `npm install` argument lists; repositories: shell commands). */
async function installDependencies(trial, folder) {
  if (trial.install) {
    for (const command of trial.install) {
      await mustRun(`${trial.name}: ${command}`, command, [], { cwd: folder.repo, shell: true, timeoutMs: 15 * MINUTE });
    }
    return;
  }
  for (const extra of trial.installs) {
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000', ...(extra.length ? ['--no-save', ...extra] : [])];
    await mustRun(`${trial.spec}: npm ${args.join(' ')}`, 'npm', args, { cwd: folder.repo, timeoutMs: 10 * MINUTE });
  }
}

/**
 * Steps 1–3 once per recipe; later runs restore the committed sources.
 * @param {object} trial a catalog entry
 * @param {string} [source] a repository trial's folder (from --repo)
 * @returns {Promise<{dir: string, repo: string, marker: string, key: string}>}
 */
async function prepareTrial(trial, source) {
  const folder = trialFolder(trial);
  const installed = fs.existsSync(folder.marker) && fs.readFileSync(folder.marker, 'utf8').trim() === folder.key;
  if (!installed) {
    process.stderr.write(`trials: installing ${trial.spec || trial.name} into ${folder.dir}\n`);
    fs.rmSync(folder.dir, { recursive: true, force: true });
    fs.mkdirSync(folder.repo, { recursive: true });
    if (trial.spec) await fetchPackage(trial, folder);
    else await copyRepository(trial, folder, source);
    await initGit(folder);
    await installDependencies(trial, folder);
    fs.writeFileSync(folder.marker, `${folder.key}\n`);
  }
  // The sources as committed: a reused folder holds the last migration, and npm rewrites a
  // tracked yarn.lock while installing.
  await mustRun('git reset', 'git', ['reset', '-q', '--hard', 'pristine'], { cwd: folder.repo, timeoutMs: MINUTE });
  await mustRun('git clean', 'git', ['clean', '-q', '-fd'], { cwd: folder.repo, timeoutMs: MINUTE });
  return folder;
}

module.exports = { trialFolder, prepareTrial, gitDirOf };

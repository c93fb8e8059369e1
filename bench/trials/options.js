'use strict';
/**
 * The options of `npm run trials`: which trials, where the repositories are, which engine.
 *
 *   --repo <name>=<folder>   a repository trial's source (repeatable; also TRIALS_REPOS=name=folder,…)
 *   --mirror <folder>        look for `<folder>/<owner>+<name>/repo` for every repository trial
 *                            (the layout of the `fetch` tool; also TRIALS_MIRROR)
 *   --engine <folder>        the async-migrate to measure: a folder with bin/async-migrate and a
 *                            built dist/ (default: this checkout; also TRIALS_ENGINE)
 *   --only <a,b>             these trials only, by name (also TRIALS=a,b)
 *   --markdown               print the bench/README.md table rows at the end
 */
const fs = require('fs');
const path = require('path');
const { EnvironmentError } = require('./command');

/**
 * Read argv and the environment.
 * @param {string[]} argv the arguments after the script
 * @param {NodeJS.ProcessEnv} env the environment
 * @param {{name: string, repository?: string}[]} repoTrials the catalog's repository trials
 * @returns {{sources: Map<string, string>, only?: Set<string>, engine: {root: string, bin: string}, markdown: boolean}}
 * @throws {EnvironmentError} on an unknown option, a malformed --repo or a --repo name not in the catalog
 */
function parseOptions(argv, env, repoTrials) {
  const sources = new Map();
  const addRepo = (spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new EnvironmentError(`--repo expects <name>=<folder>, got ${spec}`);
    const name = spec.slice(0, eq);
    if (!repoTrials.some((t) => t.name === name)) throw new EnvironmentError(`--repo ${name}: no repository trial of that name (${repoTrials.map((t) => t.name).join(', ')})`);
    sources.set(name, path.resolve(spec.slice(eq + 1)));
  };
  let mirror = env.TRIALS_MIRROR;
  let engineRoot = env.TRIALS_ENGINE || path.join(__dirname, '..', '..');
  let only = env.TRIALS;
  let markdown = false;
  for (const spec of (env.TRIALS_REPOS || '').split(',').filter(Boolean)) addRepo(spec);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new EnvironmentError(`${arg} needs a value`);
      i += 1;
      return argv[i];
    };
    if (arg === '--repo') addRepo(value());
    else if (arg === '--mirror') mirror = value();
    else if (arg === '--engine') engineRoot = value();
    else if (arg === '--only') only = value();
    else if (arg === '--markdown') markdown = true;
    else throw new EnvironmentError(`unknown option ${arg} (see bench/trials/options.js)`);
  }
  if (mirror) {
    for (const t of repoTrials) {
      const candidate = path.join(path.resolve(mirror), t.repository.replace('/', '+'), 'repo');
      if (!sources.has(t.name) && fs.existsSync(candidate)) sources.set(t.name, candidate);
    }
  }
  for (const t of repoTrials) {
    if (t.sourceOf && !sources.has(t.name) && sources.has(t.sourceOf)) sources.set(t.name, sources.get(t.sourceOf));
  }
  engineRoot = path.resolve(engineRoot);
  return {
    sources,
    only: only ? new Set(only.split(',')) : undefined,
    engine: { root: engineRoot, bin: path.join(engineRoot, 'bin', 'async-migrate') },
    markdown,
  };
}

module.exports = { parseOptions };

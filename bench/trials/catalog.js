'use strict';
/**
 * The trials of `npm run trials`.
 *
 * Package trials (`spec`): a published package, `npm pack`ed from the registry.
 * `removeDevDependencies`: names dropped from its package.json before installing (`'all'` for every
 * one); `files`: files created in the package folder; `installs`: argument lists of the `npm install`
 * runs (the first `[]` installs what package.json lists); `test`: the shell command and the parser
 * of its output; `expect`: what the lead measured by hand (printed next to the results, not asserted).
 *
 * Repository trials (`repository`): a public repository at a pinned `commit`. Scripts here reach only
 * the npm registry, so the repository comes from the command line (`--repo <name>=<folder>`: a bare
 * git directory such as the one the `fetch` tool gives, a clone, or a plain folder holding that
 * commit's files) and is copied into the trial's temporary folder. `install`: shell commands run in
 * the copy (npm registry only, `--ignore-scripts`); `typecheck`: the project's own type check or
 * build (its exit code and `error TS` lines are compared before and after); `test.command`: `{json}`
 * stands for the report file the `jest-json` parser reads; `why`: what the project exercises;
 * `migrateArgs`: extra arguments of `async-migrate run . --write --json`; `sourceOf`: take the
 * folder given for that other trial; `split`: a split trial (bench/trials/split.js) — `by` and extra
 * `args` of `async-migrate split`, whose patches are applied one by one with the checks after each.
 */

const PACKAGE_TRIALS = [
  {
    name: 'standard-version',
    spec: 'standard-version@9.5.0',
    installs: [[], ['mock-fs@5']],
    // Its `npm test` is `nyc mocha …` (coverage) and a lint step: only mocha here.
    test: { command: 'npx mocha --timeout=30000 --reporter tap', parse: 'tap' },
    expect: '88 passing before and after; 5 files changed',
  },
  {
    name: 'release-it',
    spec: 'release-it@20.2.1',
    // Lint and docs tools only (one of them does not resolve).
    removeDevDependencies: ['remark-cli', 'remark-preset-webpro', 'knip', 'eslint', '@eslint/js', 'eslint-plugin-import-x', 'prettier', 'globals'],
    // `.release-it.json` is not in the tarball (without it test/config.js does not load); the
    // github/gitlab/tasks tests expect tokens. Any value does: the APIs are mocked.
    files: { '.env.test': 'GITHUB_TOKEN=1\nGITLAB_TOKEN=1\n', '.release-it.json': '{}\n' },
    installs: [[]],
    test: { command: 'node --env-file=.env.test --test --test-reporter=tap', parse: 'tap' },
    expect: 'with an empty .env.test and no .release-it.json: 21 of 256 fail before and the same after',
  },
  {
    name: 'nedb',
    spec: 'nedb@1.8.0',
    // Its mocha 1.4 is too old for Node 20.
    installs: [[], ['mocha@10']],
    test: { command: 'npx mocha --reporter tap --timeout 10000', parse: 'tap' },
    expect: '330 passing; nothing changed (tests use done callbacks: AM114)',
  },
  {
    name: 'nconf',
    spec: 'nconf@0.13.0',
    // Its full devDependencies (release-it, nyc, coveralls, eslint) are heavy: only what the tests need.
    removeDevDependencies: 'all',
    installs: [['vows@0.8.3', 'nconf-yaml', 'async', 'ini', 'secure-keys', 'yargs@16']],
    test: { command: 'npx vows test/*-test.js test/**/*-test.js --spec', parse: 'vows' },
    expect: '104 honored; nothing changed (AM109/AM112 pins)',
  },
];

const NPM_INSTALL = 'npm install --ignore-scripts --no-audit --no-fund --loglevel=error --fetch-timeout=60000';

const REPO_TRIALS = [
  {
    name: 'yalc',
    repository: 'wclr/yalc',
    commit: '3b834e488837e87df47414fd9917c10f07f0df08',
    why: 'TypeScript CLI compiled to CommonJS; fs-extra `readFileSync`/`writeFileSync`/`existsSync` all through async commands (publish, add, update); mocha tests over real folders',
    // tslint-plugin-prettier wants prettier 1 while the project lists prettier 2.
    install: [`${NPM_INSTALL} --legacy-peer-deps`],
    typecheck: 'npx tsc -p .',
    test: { command: 'npx mocha test --reporter tap', parse: 'tap' },
    expect: '50 passing',
  },
  {
    name: 'cosmiconfig',
    repository: 'cosmiconfig/cosmiconfig',
    commit: 'd81bef75ea42f64369dcbfabd957d8993c440577',
    why: 'TypeScript ESM-style (NodeNext) library with a deliberately synchronous twin API (`ExplorerSync`, `cosmiconfigSync`, `*Sync` loaders) next to the async one; `tsc -b` composite build; vitest with `vi.spyOn(fs, …)` mocks and `it.each`; Prettier',
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -p . --noEmit',
    test: { command: 'npx vitest run --reporter=json --outputFile={json}', parse: 'jest-json' },
    expect: '260 pass / 1 fail before',
  },
  {
    name: 'tsconfig-paths',
    repository: 'dividab/tsconfig-paths',
    commit: '098e066632f5b9f35c956803fe60d17ffc60b688',
    why: 'TypeScript compiled to CommonJS (ES5 target), path-alias resolution with sync and callback-async file system twins; jest (ts-jest) with `it.each`; an `example/` folder whose tsconfig extends a file that is not in the repository',
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -p . --noEmit',
    test: { command: 'npx jest --json --outputFile={json}', parse: 'jest-json' },
    expect: '82 passing',
  },
  {
    // The same checkout migrated with `--project tsconfig.json`, so that the run gets past the
    // broken example tsconfig and measures the source (the folder of --repo tsconfig-paths).
    name: 'tsconfig-paths-p',
    sourceOf: 'tsconfig-paths',
    repository: 'dividab/tsconfig-paths',
    commit: '098e066632f5b9f35c956803fe60d17ffc60b688',
    why: 'as tsconfig-paths, with `--project tsconfig.json`',
    migrateArgs: ['--project', 'tsconfig.json'],
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -p . --noEmit',
    test: { command: 'npx jest --json --outputFile={json}', parse: 'jest-json' },
    expect: '82 passing',
  },
  {
    name: 'commitlint',
    repository: 'conventional-changelog/commitlint',
    commit: 'a5e42fb0fbb450434ca66b62e599f3cf62b0abf6',
    why: 'monorepo (npm/yarn workspaces, 40 packages), solution-style root tsconfig (`files: []` + `references`, built with `tsc -b`), ESM, mixed JavaScript and TypeScript packages, vitest with `vi.mock` and `test.each`; Prettier',
    install: [NPM_INSTALL],
    // The packages import each other through their built lib/ (package.json `main`): the build is
    // also what the tests need.
    typecheck: 'npx tsc -b',
    test: { command: 'npx vitest run --reporter=json --outputFile={json}', parse: 'jest-json' },
    expect: '1066 passing',
  },
  {
    // The staged migration of the same checkout (bench/trials/split.js): `split --by package`, then
    // each batch's patch applied in landing order with `tsc -b` and the tests after each. Its
    // packages are published, so by default their exported API is kept (--public-api keep at the
    // workspace boundary): only what changes inside a package migrates.
    name: 'commitlint-split',
    sourceOf: 'commitlint',
    repository: 'conventional-changelog/commitlint',
    commit: 'a5e42fb0fbb450434ca66b62e599f3cf62b0abf6',
    why: 'as commitlint, migrated in batches: `split --by package`',
    split: { by: 'package' },
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -b',
    test: { command: 'npx vitest run --reporter=json --outputFile={json}', parse: 'jest-json' },
    expect: '1066 passing after every batch',
  },
  {
    // As commitlint-split, with the published packages' API allowed to change: a change set then
    // spans packages (resolve-extends → load → cli), planned together with its dependents.
    name: 'commitlint-split-change',
    sourceOf: 'commitlint',
    repository: 'conventional-changelog/commitlint',
    commit: 'a5e42fb0fbb450434ca66b62e599f3cf62b0abf6',
    why: 'as commitlint-split, with `--public-api change`',
    split: { by: 'package', args: ['--public-api', 'change'] },
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -b',
    test: { command: 'npx vitest run --reporter=json --outputFile={json}', parse: 'jest-json' },
    expect: '1066 passing after every batch',
  },
  {
    name: 'nest-cli',
    repository: 'nestjs/nest-cli',
    commit: '2cdd5d4bc2acc12ee031aa2da5a529b303dd2db0',
    why: 'TypeScript CommonJS CLI (commands → actions → lib) whose async actions read tsconfig, package.json and assets with `readFileSync`/`existsSync`/`statSync`; jest (ts-jest) with factory mocks `jest.mock(\'fs\', () => ({ … }))` in four test files; Prettier',
    install: [NPM_INSTALL],
    typecheck: 'npx tsc -p . --noEmit',
    test: { command: 'npx jest --config test/jest-config.json --json --outputFile={json}', parse: 'jest-json' },
    expect: '116 passing',
  },
];

module.exports = { PACKAGE_TRIALS, REPO_TRIALS };

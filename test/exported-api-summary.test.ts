/**
 * Issue 3: "Either way the summary lists every exported signature that changes." The real
 * executable on a two-file project: the summary (stderr) and `--json` name `loadConfig`, whose
 * signature becomes `Promise<…>`. With `--public-api=keep`, `exportedApi.kept` names the exported
 * function that stays sync even when the sync call sits deeper down, in a helper it calls.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', 'bin', 'async-migrate');

test('run lists the exported signatures that change, in the summary and in --json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-api-'));
  try {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'src', 'config.ts'),
      "import { readFileSync } from 'fs';\n\nexport function loadConfig(file: string): { name: string } {\n  return JSON.parse(readFileSync(file, 'utf8'));\n}\n",
    );
    fs.writeFileSync(
      path.join(dir, 'src', 'main.ts'),
      "import { loadConfig } from './config';\n\nexport async function main(): Promise<void> {\n  console.log(loadConfig('a.json').name);\n}\n",
    );
    const tsconfig = { compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'], typeRoots: [path.join(__dirname, '..', 'node_modules', '@types')] }, include: ['src'] };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));

    const dry = spawnSync(process.execPath, [BIN, 'run', 'src'], { cwd: dir, encoding: 'utf8' });
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain('exported signatures that change: 1\n  src/config.ts:3:1 loadConfig() now returns a promise\n');

    const json = spawnSync(process.execPath, [BIN, 'run', 'src', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(json.stdout).exportedApi).toEqual({ changes: [{ file: 'src/config.ts', line: 3, column: 1, name: 'loadConfig' }], kept: [] });

    // loadConfig now reaches readFileSync through an internal helper: it is kept, and listed as kept.
    fs.writeFileSync(
      path.join(dir, 'src', 'config.ts'),
      "import { readFileSync } from 'fs';\n\nfunction readRaw(file: string): string {\n  return readFileSync(file, 'utf8');\n}\n\nexport function loadConfig(file: string): { name: string } {\n  return JSON.parse(readRaw(file));\n}\n",
    );
    const kept = spawnSync(process.execPath, [BIN, 'run', 'src', '--json', '--public-api=keep'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(kept.stdout).exportedApi).toEqual({ changes: [], kept: [{ file: 'src/config.ts', line: 7, column: 1, name: 'loadConfig' }] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

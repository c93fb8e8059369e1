import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CONFIG_FILE_NAME, loadConfig } from '../src/config';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-config-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeConfig(folder: string, config: unknown): string {
  const file = path.join(folder, CONFIG_FILE_NAME);
  fs.writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

test('uses the defaults, relative to the working directory, when there is no config file', async () => {
  const config = await loadConfig(undefined, dir);
  expect(config.configFile).toBeUndefined();
  expect(config.dataFile).toBe(path.join(dir, 'data', 'inventory.json'));
  expect(config.reportDir).toBe(path.join(dir, 'reports'));
  expect(config.lowStockThreshold).toBe(5);
  expect(config.currency).toBe('EUR');
  expect(config.templateFile).toBeUndefined();
});

test('finds the config file in a parent folder and resolves paths against its folder', async () => {
  const file = writeConfig(dir, { dataFile: 'stock.json', currency: 'usd', lowStockThreshold: 2, templateFile: 't.md' });
  const nested = path.join(dir, 'a', 'b');
  fs.mkdirSync(nested, { recursive: true });

  const config = await loadConfig(undefined, nested);

  expect(config.configFile).toBe(file);
  expect(config.baseDir).toBe(dir);
  expect(config.dataFile).toBe(path.join(dir, 'stock.json'));
  expect(config.templateFile).toBe(path.join(dir, 't.md'));
  expect(config.auditLog).toBe(path.join(dir, 'data', 'audit.log'));
  expect(config.currency).toBe('USD');
  expect(config.lowStockThreshold).toBe(2);
});

test('an explicit config path is resolved against cwd and must exist', async () => {
  fs.mkdirSync(path.join(dir, 'conf'));
  writeConfig(path.join(dir, 'conf'), { reportDir: '../out' });

  const config = await loadConfig('conf/inventory.config.json', dir);
  expect(config.reportDir).toBe(path.join(dir, 'out'));

  expect(() => loadConfig('missing.json', dir)).toThrow(/Config file not found: .*missing\.json/);
});

test('rejects malformed files and bad values with the file name in the message', async () => {
  const file = writeConfig(dir, '{ "dataFile": ');
  await expect(async () => loadConfig(file)).rejects.toThrow(`Cannot read config ${file}`);

  writeConfig(dir, '[1, 2]');
  await expect(async () => loadConfig(file)).rejects.toThrow('must contain a JSON object');

  writeConfig(dir, { lowStockThreshold: -1 });
  await expect(async () => loadConfig(file)).rejects.toThrow('lowStockThreshold must be a non-negative integer, got -1');
});

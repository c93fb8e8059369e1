import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, parseArgs } from '../src/cli';
import { acquireLock, LockError } from '../src/lock';

let dir: string;
let configFile: string;
let out: string[];
let err: string[];

const io = {
  out: (line: string) => out.push(line),
  err: (line: string) => err.push(line),
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-cli-'));
  configFile = path.join(dir, 'inventory.config.json');
  fs.writeFileSync(configFile, JSON.stringify({ dataFile: 'data/stock.json', reportDir: 'out', lowStockThreshold: 2 }));
  out = [];
  err = [];
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(...argv: string[]): Promise<number> {
  out = [];
  err = [];
  return main(['--config', configFile, ...argv], io);
}

test('parseArgs separates the command, its arguments and flags', () => {
  expect(parseArgs(['list', '--low', '--config', 'c.json', 'extra'])).toEqual({
    command: 'list',
    args: ['extra'],
    flags: { low: true, config: 'c.json' },
  });
});

test('add, adjust and list work on the configured data file', async () => {
  expect(await run('add', 'W-100', 'Widget', '12', '2.50', '--location', 'A1')).toBe(0);
  expect(await run('add', 'B-7', 'Bolt', '3', '0.10')).toBe(0);
  expect(fs.existsSync(path.join(dir, 'data', 'stock.json'))).toBe(true);

  expect(await run('adjust', 'B-7', '-2', 'sold', 'to', 'Bob')).toBe(0);
  expect(out).toEqual(['B-7: 1 in stock']);
  expect(err).toEqual(['warning: B-7 is low on stock']);

  expect(await run('list')).toBe(0);
  expect(out).toEqual([
    'B-7            1  0.10 EUR  Bolt',
    'W-100         12  2.50 EUR  Widget @A1',
  ]);
  expect(await run('list', '--low')).toBe(0);
  expect(out).toHaveLength(1);

  expect(await run('history')).toBe(0);
  expect(out.map((line) => line.split(' ').slice(2).join(' '))).toEqual([
    'add W-100 quantity 12',
    'add B-7 quantity 3',
    'adjust B-7 -2 (sold to Bob)',
  ]);
});

test('mistakes give exit code 1 and a message; the lock is released', async () => {
  expect(await run('adjust', 'X-1', '5')).toBe(1);
  expect(err).toEqual(['error: Unknown SKU X-1']);
  expect(await run('add', 'A', 'Anchor', 'many', '1')).toBe(1);
  expect(err).toEqual(['error: qty must be a number, got "many"']);
  expect(fs.existsSync(path.join(dir, 'data', '.inventory.lock'))).toBe(false);
  expect(await run('frobnicate')).toBe(2);
  expect(await main([], io)).toBe(2);
});

test('a command that changes data refuses to run while another process holds the lock', async () => {
  const lockFile = path.join(dir, 'data', '.inventory.lock');
  const release = await acquireLock(lockFile);
  expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
  await expect(async () => acquireLock(lockFile)).rejects.toThrow(LockError);

  expect(await run('add', 'A', 'Anchor', '1', '1')).toBe(1);
  expect(err[0]).toMatch(/^error: Inventory is locked by process \d+/);
  expect(await run('list')).toBe(0);

  release();
  expect(fs.existsSync(lockFile)).toBe(false);
});

test('a lock left behind by a dead process is taken over', async () => {
  const lockFile = path.join(dir, 'data', '.inventory.lock');
  fs.mkdirSync(path.dirname(lockFile));
  fs.writeFileSync(lockFile, '2147483646\n');
  expect(await run('add', 'A', 'Anchor', '1', '1')).toBe(0);
  expect(fs.existsSync(lockFile)).toBe(false);
});

test('import, report and status', async () => {
  const incoming = path.join(dir, 'incoming');
  fs.mkdirSync(incoming);
  fs.writeFileSync(path.join(incoming, 'acme.csv'), 'sku,name,quantity,unit_price\nA-1,Anchor,4,1.5\nA-2,Axle,1,3\n');

  expect(await run('status')).toBe(0);
  expect(out).toContain('last saved: never');

  expect(await run('import', incoming)).toBe(0);
  expect(out).toEqual(['Imported 1 file(s): 2 added, 0 updated']);

  expect(await run('report', '--format', 'csv')).toBe(0);
  const reports = fs.readdirSync(path.join(dir, 'out'));
  expect(reports).toHaveLength(1);
  expect(fs.readFileSync(path.join(dir, 'out', reports[0]), 'utf8')).toContain('A-2,Axle,,1,3.00,3.00,yes');
  expect(await run('report', '--format', 'pdf')).toBe(1);

  expect(await run('status')).toBe(0);
  expect(out).toContain('items:      2');
  expect(out.find((line) => line.startsWith('runtime:'))).toMatch(/^runtime: {4}v\d+\.\d+\.\d+$/);
  expect(out.find((line) => line.startsWith('last saved:'))).not.toContain('never');
});

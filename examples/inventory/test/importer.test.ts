import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importDirectory, parseCsv } from '../src/importer';
import { FileStorage } from '../src/storage';
import { InventoryStore } from '../src/store';

let dir: string;
let incoming: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-import-'));
  incoming = path.join(dir, 'incoming');
  fs.mkdirSync(incoming);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('parseCsv reads rows by header name and reports bad rows with their line', () => {
  const text = '\uFEFFSKU,Name,Quantity,Unit_Price,Location\r\nA-1, Anchor ,4,1.5,B2\r\nA-2,Axle,-1,3\r\n\r\nA-3,Arm,2,0.75,\r\n';
  expect(parseCsv(text, 'x.csv')).toEqual({
    rows: [
      { sku: 'A-1', name: 'Anchor', quantity: 4, unitPrice: 1.5, location: 'B2' },
      { sku: 'A-3', name: 'Arm', quantity: 2, unitPrice: 0.75, location: undefined },
    ],
    problems: [{ file: 'x.csv', line: 3, message: 'invalid row: A-2,Axle,-1,3' }],
  });
  expect(parseCsv('sku,name\nA-1,Anchor\n', 'y.csv').problems).toEqual([
    { file: 'y.csv', line: 1, message: 'missing column(s): quantity, unit_price' },
  ]);
});

test('imports every CSV file in name order, later files winning, and saves the store', async () => {
  fs.writeFileSync(path.join(incoming, '01-acme.csv'), 'sku,name,quantity,unit_price\nA-1,Anchor,4,1.5\nA-2,Axle,1,3\n');
  fs.writeFileSync(path.join(incoming, '02-acme.csv'), 'sku,name,quantity,unit_price\nA-1,Anchor,9,1.75\nbroken\n');
  fs.writeFileSync(path.join(incoming, 'notes.txt'), 'not a csv');
  const dataFile = path.join(dir, 'inventory.json');

  const summary = await importDirectory(incoming, new InventoryStore(new FileStorage(dataFile)));

  expect(summary.files.map((f) => path.basename(f))).toEqual(['01-acme.csv', '02-acme.csv']);
  expect(summary).toMatchObject({ added: 2, updated: 1 });
  expect(summary.problems).toEqual([{ file: '02-acme.csv', line: 3, message: 'invalid row: broken' }]);

  const saved = new InventoryStore(new FileStorage(dataFile));
  expect((await saved.list()).map((i) => [i.sku, i.quantity, i.unitPrice])).toEqual([
    ['A-1', 9, 1.75],
    ['A-2', 1, 3],
  ]);
  expect(fs.existsSync(path.join(incoming, '01-acme.csv'))).toBe(true);
});

test('--archive moves imported files out of the way', async () => {
  fs.writeFileSync(path.join(incoming, 'a.csv'), 'sku,name,quantity,unit_price\nA-1,Anchor,4,1.5\n');
  const store = new InventoryStore(new FileStorage(path.join(dir, 'inventory.json')));

  await importDirectory(incoming, store, { archive: true });

  expect(fs.readdirSync(incoming)).toEqual(['imported']);
  expect(fs.readdirSync(path.join(incoming, 'imported'))).toEqual(['a.csv']);
  const again = await importDirectory(incoming, store);
  expect(again.files).toEqual([]);
});

test('a missing folder is an error that names it', async () => {
  const store = new InventoryStore(new FileStorage(path.join(dir, 'inventory.json')));
  await expect(importDirectory(path.join(dir, 'nope'), store)).rejects.toThrow(`Import folder not found: ${path.join(dir, 'nope')}`);
});

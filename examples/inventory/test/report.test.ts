import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildRows, toCsv, writeReports } from '../src/report';
import { MemoryStorage } from '../src/storage';
import { InventoryStore } from '../src/store';
import { ReportTemplate } from '../src/template';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-report-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const items = [
  { sku: 'B-7', name: 'Bolt, M6', quantity: 3, unitPrice: 0.1, updatedAt: '2024-03-01T10:00:00.000Z' },
  { sku: 'W-100', name: 'Widget "XL"', quantity: 12, unitPrice: 2.5, location: 'A1', updatedAt: '2024-03-01T10:00:00.000Z' },
];

async function storeWith(): Promise<InventoryStore> {
  const store = new InventoryStore(new MemoryStorage({ version: 1, items }));
  await store.load();
  return store;
}

test('CSV rows carry value and low-stock flag, with fields quoted where needed', () => {
  const csv = toCsv(buildRows(items, 5));
  expect(csv).toBe(
    [
      'sku,name,location,quantity,unit_price,value,low_stock',
      'B-7,"Bolt, M6",,3,0.10,0.30,yes',
      'W-100,"Widget ""XL""",A1,12,2.50,30.00,no',
      '',
    ].join('\n'),
  );
});

test('writes one file per format into a folder it creates', async () => {
  const outDir = path.join(dir, 'reports', '2024');
  const written = await writeReports(await storeWith(), {
    outDir,
    formats: ['csv', 'md'],
    lowStockThreshold: 5,
    currency: 'EUR',
    now: new Date('2024-03-01T12:00:00.000Z'),
  });

  expect(written).toEqual([path.join(outDir, 'inventory-2024-03-01.csv'), path.join(outDir, 'inventory-2024-03-01.md')]);
  expect(fs.readFileSync(written[0], 'utf8').split('\n')[1]).toBe('B-7,"Bolt, M6",,3,0.10,0.30,yes');

  const md = fs.readFileSync(written[1], 'utf8');
  expect(md).toContain('Generated 2024-03-01T12:00:00.000Z. 2 items, total value 30.30 EUR.');
  expect(md).toContain('| W-100 | Widget "XL" | A1 | 12 | 30.00 EUR |');
  expect(md).toContain('## Low stock\n\n- B-7 Bolt, M6: 3 left\n');
});

test('uses a custom template file (a BOM is ignored)', async () => {
  const templateFile = path.join(dir, 'template.md');
  fs.writeFileSync(templateFile, '\uFEFFStock on {{ generatedAt }}\n{{table}}\n{{unknown}}\n');
  const [file] = await writeReports(await storeWith(), {
    outDir: dir,
    formats: ['md'],
    lowStockThreshold: 0,
    currency: 'EUR',
    template: new ReportTemplate(templateFile),
    now: new Date('2024-03-01T12:00:00.000Z'),
  });

  const md = fs.readFileSync(file, 'utf8');
  expect(md.startsWith('Stock on 2024-03-01T12:00:00.000Z\n| SKU |')).toBe(true);
  expect(md.endsWith('{{unknown}}\n')).toBe(true);
});

test('a template without {{table}} is rejected when it is loaded', () => {
  const templateFile = path.join(dir, 'bad.md');
  fs.writeFileSync(templateFile, '# Report\n');
  expect(() => new ReportTemplate(templateFile)).toThrow(`Template ${templateFile} has no {{table}} placeholder`);
  expect(new ReportTemplate().placeholders).toEqual(['generatedAt', 'itemCount', 'totalValue', 'table', 'lowStock']);
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AuditLog, readAuditLog } from '../src/logger';
import { FileStorage, MemoryStorage } from '../src/storage';
import { InventoryError, InventoryStore } from '../src/store';

const clock = () => new Date('2024-03-01T10:00:00.000Z');

const widget = { sku: 'W-100', name: 'Widget', quantity: 12, unitPrice: 2.5, location: 'A1' };
const bolt = { sku: 'B-7', name: 'Bolt M6', quantity: 3, unitPrice: 0.1 };

describe('InventoryStore on MemoryStorage', () => {
  test('adds items and lists them sorted by SKU', async () => {
    const store = new InventoryStore(new MemoryStorage(), { now: clock });
    await store.add(widget);
    const added = await store.add(bolt);

    expect(added).toEqual({ ...bolt, updatedAt: '2024-03-01T10:00:00.000Z' });
    expect((await store.list()).map((i) => i.sku)).toEqual(['B-7', 'W-100']);
    expect((await store.list(5)).map((i) => i.sku)).toEqual(['B-7']);
    expect((await store.get('W-100'))?.location).toBe('A1');
    expect(await store.get('nope')).toBeUndefined();
  });

  test('refuses a duplicate SKU', async () => {
    const store = new InventoryStore(new MemoryStorage());
    await store.add(widget);
    expect(() => store.add({ ...widget, name: 'Other' })).toThrow(InventoryError);
    expect((await store.get('W-100'))?.name).toBe('Widget');
  });

  test('adjusts quantities and never lets them go below zero', async () => {
    const store = new InventoryStore(new MemoryStorage(), { now: clock });
    await store.add(bolt);

    expect(await store.adjust('B-7', 10, 'delivery')).toBe(13);
    expect(await store.adjust('B-7', -13)).toBe(0);
    await expect(async () => store.adjust('B-7', -1)).rejects.toThrow('quantity of B-7 must be a non-negative whole number');
    await expect(async () => store.adjust('X-1', 1)).rejects.toThrow('Unknown SKU X-1');
    expect((await store.get('B-7'))?.quantity).toBe(0);
  });

  test('save() writes to the storage; load() drops unsaved changes', async () => {
    const storage = new MemoryStorage();
    const store = new InventoryStore(storage);
    await store.add(widget);
    expect(store.isDirty).toBe(true);
    await store.save();
    expect(store.isDirty).toBe(false);

    await store.add(bolt);
    await store.load();
    expect((await store.list()).map((i) => i.sku)).toEqual(['W-100']);

    const other = new InventoryStore(storage);
    expect((await other.list()).map((i) => i.sku)).toEqual(['W-100']);
  });

  test('upsert() reports whether the item was new and keeps fields it does not set', async () => {
    const store = new InventoryStore(new MemoryStorage());
    await store.add(widget);
    expect(await store.upsert({ sku: 'W-100', name: 'Widget v2', quantity: 1, unitPrice: 3 })).toBe(false);
    expect(await store.upsert(bolt)).toBe(true);
    expect(await store.get('W-100')).toMatchObject({ name: 'Widget v2', quantity: 1, location: 'A1' });
  });
});

describe('FileStorage', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-store-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('starts empty, saves atomically into a new folder and reads back', async () => {
    const file = path.join(dir, 'nested', 'inventory.json');
    const storage = new FileStorage(file);
    expect(storage.lastModified).toBeUndefined();
    expect(await storage.read()).toEqual({ version: 1, items: [] });

    const store = new InventoryStore(storage);
    await store.add(widget);
    await store.save();

    expect(storage.lastModified?.getTime()).toBe(fs.statSync(file).mtime.getTime());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['inventory.json']);
    const reread = new InventoryStore(new FileStorage(file));
    expect(await reread.get('W-100')).toMatchObject(widget);
  });

  test('keeps the previous version as .bak', async () => {
    const file = path.join(dir, 'inventory.json');
    const store = new InventoryStore(new FileStorage(file));
    await store.add(widget);
    await store.save();
    await store.add(bolt);
    await store.save();

    const backup = JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8'));
    expect(backup.items.map((i: { sku: string }) => i.sku)).toEqual(['W-100']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).items).toHaveLength(2);
  });

  test('refuses files that are not inventories', async () => {
    const file = path.join(dir, 'other.json');
    fs.writeFileSync(file, '{"version": 2, "items": []}');
    await expect(async () => new FileStorage(file).read()).rejects.toThrow(`${file} is not an inventory file (version 2)`);
    await expect(async () => new FileStorage(dir).read()).rejects.toThrow('is not a file');
  });

  test('every change is recorded in the audit log', async () => {
    const log = path.join(dir, 'logs', 'audit.log');
    const store = new InventoryStore(new FileStorage(path.join(dir, 'inventory.json')), {
      audit: new AuditLog(log, 'alice'),
    });
    await store.add(widget);
    await store.adjust('W-100', -2, 'sold');
    await store.upsert(bolt);

    const entries = await readAuditLog(log);
    expect(entries.map((e) => [e.user, e.action, e.sku, e.detail])).toEqual([
      ['alice', 'add', 'W-100', 'quantity 12'],
      ['alice', 'adjust', 'W-100', '-2 (sold)'],
      ['alice', 'import-add', 'B-7', undefined],
    ]);
    expect((await readAuditLog(log, 1)).map((e) => e.action)).toEqual(['import-add']);
    expect(await readAuditLog(path.join(dir, 'none.log'))).toEqual([]);
  });
});

import type { AuditLog } from './logger';
import type { InventoryData, Item, Storage } from './storage';

/** A mistake in what the user asked for (unknown SKU, bad quantity, ...). */
export class InventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InventoryError';
  }
}

export interface NewItem {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  location?: string;
}

export interface StoreOptions {
  audit?: AuditLog;
  /** Injected clock, so tests get stable timestamps. */
  now?: () => Date;
}

function checkQuantity(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new InventoryError(`${what} must be a non-negative whole number, got ${value}`);
  }
}

/**
 * The inventory as the rest of the app sees it. Data is loaded from the storage
 * on first use and written back by `save()`; every change goes to the audit log.
 */
export class InventoryStore {
  private items: Map<string, Item> | undefined;
  private dirty = false;

  constructor(
    private readonly storage: Storage,
    private readonly options: StoreOptions = {},
  ) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  /** (Re)reads the inventory from storage, dropping unsaved changes. */
  load(): Map<string, Item> {
    const data = this.storage.read();
    this.items = new Map(data.items.map((item): [string, Item] => [item.sku, item]));
    this.dirty = false;
    return this.items;
  }

  private loaded(): Map<string, Item> {
    return this.items ?? this.load();
  }

  private timestamp(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** Items sorted by SKU; with `maxQuantity`, only those at or below it. */
  list(maxQuantity?: number): Item[] {
    return [...this.loaded().values()]
      .filter((item) => maxQuantity === undefined || item.quantity <= maxQuantity)
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }

  get(sku: string): Item | undefined {
    return this.loaded().get(sku);
  }

  add(input: NewItem): Item {
    const items = this.loaded();
    if (items.has(input.sku)) {
      throw new InventoryError(`SKU ${input.sku} already exists`);
    }
    checkQuantity(input.quantity, 'quantity');
    const item: Item = { ...input, updatedAt: this.timestamp() };
    items.set(item.sku, item);
    this.dirty = true;
    this.options.audit?.record('add', { sku: item.sku, detail: `quantity ${item.quantity}` });
    return item;
  }

  /** Adds `delta` (may be negative) to an item's quantity and returns the new quantity. */
  adjust(sku: string, delta: number, reason?: string): number {
    const item = this.get(sku);
    if (!item) {
      throw new InventoryError(`Unknown SKU ${sku}`);
    }
    const quantity = item.quantity + delta;
    checkQuantity(quantity, `quantity of ${sku}`);
    item.quantity = quantity;
    item.updatedAt = this.timestamp();
    this.dirty = true;
    const detail = `${delta >= 0 ? '+' : ''}${delta}` + (reason ? ` (${reason})` : '');
    this.options.audit?.record('adjust', { sku, detail });
    return quantity;
  }

  /** Creates or replaces an item; used by the importer. Returns true when it was new. */
  upsert(input: NewItem): boolean {
    checkQuantity(input.quantity, `quantity of ${input.sku}`);
    const items = this.loaded();
    const isNew = !items.has(input.sku);
    items.set(input.sku, { ...items.get(input.sku), ...input, updatedAt: this.timestamp() });
    this.dirty = true;
    this.options.audit?.record(isNew ? 'import-add' : 'import-update', { sku: input.sku });
    return isNew;
  }

  /** Writes pending changes; does nothing when there are none. */
  save(): void {
    if (!this.dirty || !this.items) {
      return;
    }
    const data: InventoryData = { version: 1, items: [...this.items.values()] };
    this.storage.write(data);
    this.dirty = false;
  }
}

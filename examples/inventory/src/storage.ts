import fs from 'fs';
import path from 'path';

export interface Item {
  sku: string;
  name: string;
  quantity: number;
  /** Price of one unit, in the configured currency. */
  unitPrice: number;
  location?: string;
  updatedAt: string;
}

export interface InventoryData {
  version: 1;
  items: Item[];
}

/** Where the inventory lives. The CLI uses FileStorage; tests and dry runs use MemoryStorage. */
export interface Storage {
  read(): InventoryData;
  write(data: InventoryData): void;
}

export function emptyInventory(): InventoryData {
  return { version: 1, items: [] };
}

function parseInventory(text: string, source: string): InventoryData {
  const data = JSON.parse(text) as Partial<InventoryData>;
  if (data.version !== 1 || !Array.isArray(data.items)) {
    throw new Error(`${source} is not an inventory file (version ${String(data.version)})`);
  }
  return data as InventoryData;
}

/**
 * Keeps the inventory in one JSON file. Writes go to a temporary file that is
 * renamed over the old one, so a crash never leaves half a file; the previous
 * version is kept as `<file>.bak`.
 */
export class FileStorage implements Storage {
  constructor(readonly file: string) {}

  read(): InventoryData {
    const stats = fs.statSync(this.file, { throwIfNoEntry: false });
    if (!stats) {
      return emptyInventory();
    }
    if (!stats.isFile()) {
      throw new Error(`${this.file} is not a file`);
    }
    return parseInventory(fs.readFileSync(this.file, 'utf8'), this.file);
  }

  write(data: InventoryData): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (fs.existsSync(this.file)) {
      fs.copyFileSync(this.file, `${this.file}.bak`);
    }
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', 'utf8');
    fs.renameSync(tmp, this.file);
  }

  /** When the data file was last saved, or undefined if it was never saved. */
  get lastModified(): Date | undefined {
    return fs.statSync(this.file, { throwIfNoEntry: false })?.mtime;
  }
}

export class MemoryStorage implements Storage {
  private data: InventoryData;

  constructor(initial: InventoryData = emptyInventory()) {
    this.data = structuredClone(initial);
  }

  read(): InventoryData {
    return structuredClone(this.data);
  }

  write(data: InventoryData): void {
    this.data = structuredClone(data);
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InventoryStore, NewItem } from './store';

export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

export interface ImportSummary {
  files: string[];
  added: number;
  updated: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  /** Move imported files into `<dir>/imported/` so they are not imported twice. */
  archive?: boolean;
}

const REQUIRED_COLUMNS = ['sku', 'name', 'quantity', 'unit_price'];

/** Splits one CSV line. Supplier files never quote fields, so this stays simple. */
export function splitCsvLine(line: string): string[] {
  return line.split(',').map((field) => field.trim());
}

/** Parses a supplier CSV (header row first). Bad rows become problems, not exceptions. */
export function parseCsv(text: string, file: string): { rows: NewItem[]; problems: ImportProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { rows: [], problems: [{ file, line: 1, message: `missing column(s): ${missing.join(', ')}` }] };
  }
  const col = (fields: string[], name: string) => fields[header.indexOf(name)] ?? '';

  const rows: NewItem[] = [];
  const problems: ImportProblem[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const fields = splitCsvLine(line);
    const quantity = Number(col(fields, 'quantity'));
    const unitPrice = Number(col(fields, 'unit_price'));
    const sku = col(fields, 'sku');
    const incomplete = REQUIRED_COLUMNS.some((c) => col(fields, c) === '');
    if (incomplete || !Number.isInteger(quantity) || quantity < 0 || !Number.isFinite(unitPrice)) {
      problems.push({ file, line: index + 2, message: `invalid row: ${line}` });
      return;
    }
    const location = header.includes('location') ? col(fields, 'location') || undefined : undefined;
    rows.push({ sku, name: col(fields, 'name'), quantity, unitPrice, location });
  });
  return { rows, problems };
}

/**
 * Imports every *.csv file in `dir` (sorted by name) into the store and saves it.
 * Later files win when the same SKU appears twice.
 */
export async function importDirectory(
  dir: string,
  store: InventoryStore,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  if (!fs.existsSync(dir)) {
    throw new Error(`Import folder not found: ${dir}`);
  }
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => path.join(dir, name));

  const summary: ImportSummary = { files, added: 0, updated: 0, problems: [] };
  for (const file of files) {
    const { rows, problems } = parseCsv(fs.readFileSync(file, 'utf8'), path.basename(file));
    summary.problems.push(...problems);
    rows.forEach((row) => {
      if (store.upsert(row)) {
        summary.added++;
      } else {
        summary.updated++;
      }
    });
  }
  store.save();

  if (options.archive && files.length > 0) {
    const archiveDir = path.join(dir, 'imported');
    fs.mkdirSync(archiveDir, { recursive: true });
    for (const file of files) {
      fs.renameSync(file, path.join(archiveDir, path.basename(file)));
    }
  }
  return summary;
}

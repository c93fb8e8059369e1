import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Item } from './storage';
import type { InventoryStore } from './store';
import { ReportTemplate } from './template';

export type ReportFormat = 'csv' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'md'];

export interface ReportOptions {
  outDir: string;
  formats: ReportFormat[];
  lowStockThreshold: number;
  currency: string;
  template?: ReportTemplate;
  now?: Date;
}

export interface ReportRow {
  sku: string;
  name: string;
  location: string;
  quantity: number;
  unitPrice: number;
  value: number;
  low: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function buildRows(items: Item[], lowStockThreshold: number): ReportRow[] {
  return items.map((item) => ({
    sku: item.sku,
    name: item.name,
    location: item.location ?? '',
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    value: round2(item.quantity * item.unitPrice),
    low: item.quantity <= lowStockThreshold,
  }));
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReportRow[]): string {
  const header = ['sku', 'name', 'location', 'quantity', 'unit_price', 'value', 'low_stock'];
  const lines = rows.map((r) =>
    [r.sku, r.name, r.location, r.quantity, r.unitPrice.toFixed(2), r.value.toFixed(2), r.low ? 'yes' : 'no']
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

export function toMarkdown(rows: ReportRow[], template: ReportTemplate, currency: string, generatedAt: Date): string {
  const money = (n: number) => `${n.toFixed(2)} ${currency}`;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = [
    '| SKU | Name | Location | Qty | Value |',
    '| --- | --- | --- | ---: | ---: |',
    ...rows.map((r) => `| ${cell(r.sku)} | ${cell(r.name)} | ${cell(r.location)} | ${r.quantity} | ${money(r.value)} |`),
  ].join('\n');
  const low = rows.filter((r) => r.low);
  return template.render({
    generatedAt: generatedAt.toISOString(),
    itemCount: String(rows.length),
    totalValue: money(rows.reduce((sum, r) => round2(sum + r.value), 0)),
    table,
    lowStock: low.length ? low.map((r) => `- ${r.sku} ${r.name}: ${r.quantity} left`).join('\n') : 'None.',
  });
}

function writeReportFile(outDir: string, fileName: string, content: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, fileName);
  writeFileSync(file, content, 'utf8');
  return file;
}

/** Writes one report per requested format into `outDir` and returns the paths written. */
export function writeReports(store: InventoryStore, options: ReportOptions): string[] {
  const now = options.now ?? new Date();
  const rows = buildRows(store.list(), options.lowStockThreshold);
  const stem = `inventory-${now.toISOString().slice(0, 10)}`;
  const written: string[] = [];
  options.formats.forEach((format) => {
    const content =
      format === 'csv'
        ? toCsv(rows)
        : toMarkdown(rows, options.template ?? new ReportTemplate(), options.currency, now);
    written.push(writeReportFile(options.outDir, `${stem}.${format}`, content));
  });
  return written;
}

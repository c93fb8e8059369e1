import { readFileSync } from 'node:fs';

export const DEFAULT_TEMPLATE = [
  '# Inventory report',
  '',
  'Generated {{generatedAt}}. {{itemCount}} items, total value {{totalValue}}.',
  '',
  '{{table}}',
  '',
  '## Low stock',
  '',
  '{{lowStock}}',
  '',
].join('\n');

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** Reads a template file (BOM stripped), or returns the built-in template when no file is given. */
export function readTemplateFile(file: string | undefined): string {
  if (!file) {
    return DEFAULT_TEMPLATE;
  }
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** A Markdown report template with `{{name}}` placeholders; `{{table}}` is required. */
export class ReportTemplate {
  readonly source: string;
  readonly placeholders: string[];

  constructor(file?: string) {
    this.source = readTemplateFile(file);
    this.placeholders = [...new Set([...this.source.matchAll(PLACEHOLDER)].map((m) => m[1]))];
    if (!this.placeholders.includes('table')) {
      throw new Error(`Template ${file ?? '(built-in)'} has no {{table}} placeholder`);
    }
  }

  render(values: Record<string, string>): string {
    return this.source.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  }
}

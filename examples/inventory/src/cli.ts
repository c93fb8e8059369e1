#!/usr/bin/env node
import { loadConfig, type AppConfig } from './config';
import { importDirectory } from './importer';
import { acquireLock, LockError } from './lock';
import { AuditLog, readAuditLog } from './logger';
import { REPORT_FORMATS, writeReports, type ReportFormat } from './report';
import { runtimeVersion } from './runtime';
import { FileStorage, type Item } from './storage';
import { InventoryError, InventoryStore } from './store';
import { ReportTemplate } from './template';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Flags = Record<string, string | boolean>;

interface Context {
  config: AppConfig;
  storage: FileStorage;
  store: InventoryStore;
  io: Io;
}

type CommandHandler = (ctx: Context, args: string[], flags: Flags) => number | Promise<number>;

const USAGE = `usage: inventory [--config <file>] <command> [args]

commands:
  list [--low]                        show items
  add <sku> <name> <qty> <price>      add a new item [--location <loc>]
  adjust <sku> <delta> [reason]       change a quantity, e.g. adjust A-1 -3 "sold"
  import <dir> [--archive]            import supplier CSV files
  report [--format csv,md] [--out d]  write reports
  history [--limit n]                 show the audit log
  status                              show where the data lives`;

const VALUE_FLAGS = new Set(['config', 'location', 'format', 'out', 'limit']);
const MUTATING = new Set(['add', 'adjust', 'import']);

export function parseArgs(argv: string[]): { command?: string; args: string[]; flags: Flags } {
  const flags: Flags = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const key = arg.slice(2);
    if (VALUE_FLAGS.has(key) && i + 1 < argv.length) {
      flags[key] = argv[++i];
    } else {
      flags[key] = true;
    }
  }
  const [command, ...args] = positionals;
  return { command, args, flags };
}

function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

function parseNumber(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || Number.isNaN(n)) {
    throw new InventoryError(`${what} must be a number, got ${JSON.stringify(text)}`);
  }
  return n;
}

function formatItem(item: Item, currency: string): string {
  const where = item.location ? ` @${item.location}` : '';
  return `${item.sku.padEnd(10)} ${String(item.quantity).padStart(5)}  ${item.unitPrice.toFixed(2)} ${currency}  ${item.name}${where}`;
}

function listCommand(ctx: Context, _args: string[], flags: Flags): number {
  const items = ctx.store.list(flags.low ? ctx.config.lowStockThreshold : undefined);
  if (items.length === 0) {
    ctx.io.out('No items.');
  }
  for (const item of items) {
    ctx.io.out(formatItem(item, ctx.config.currency));
  }
  return 0;
}

function addCommand(ctx: Context, [sku, name, qty, price]: string[], flags: Flags): number {
  if (!sku || !name) {
    throw new InventoryError('add needs <sku> <name> <qty> <price>');
  }
  const item = ctx.store.add({
    sku,
    name,
    quantity: parseNumber(qty, 'qty'),
    unitPrice: parseNumber(price, 'price'),
    location: stringFlag(flags, 'location'),
  });
  ctx.store.save();
  ctx.io.out(`Added ${formatItem(item, ctx.config.currency)}`);
  return 0;
}

function adjustCommand(ctx: Context, [sku, delta, ...reason]: string[]): number {
  const quantity = ctx.store.adjust(sku, parseNumber(delta, 'delta'), reason.join(' ') || undefined);
  ctx.store.save();
  ctx.io.out(`${sku}: ${quantity} in stock`);
  if (quantity <= ctx.config.lowStockThreshold) {
    ctx.io.err(`warning: ${sku} is low on stock`);
  }
  return 0;
}

async function importCommand(ctx: Context, [dir]: string[], flags: Flags): Promise<number> {
  if (!dir) {
    throw new InventoryError('import needs <dir>');
  }
  const summary = await importDirectory(dir, ctx.store, { archive: flags.archive === true });
  ctx.io.out(`Imported ${summary.files.length} file(s): ${summary.added} added, ${summary.updated} updated`);
  summary.problems.forEach((p) => ctx.io.err(`${p.file}:${p.line}: ${p.message}`));
  return summary.problems.length > 0 ? 1 : 0;
}

function reportCommand(ctx: Context, _args: string[], flags: Flags): number {
  const formats = (stringFlag(flags, 'format') ?? 'csv,md').split(',') as ReportFormat[];
  const unknown = formats.filter((f) => !REPORT_FORMATS.includes(f));
  if (unknown.length > 0) {
    throw new InventoryError(`Unknown report format(s): ${unknown.join(', ')}`);
  }
  const written = writeReports(ctx.store, {
    outDir: stringFlag(flags, 'out') ?? ctx.config.reportDir,
    formats,
    lowStockThreshold: ctx.config.lowStockThreshold,
    currency: ctx.config.currency,
    template: new ReportTemplate(ctx.config.templateFile),
  });
  written.forEach((file) => ctx.io.out(`Wrote ${file}`));
  return 0;
}

function historyCommand(ctx: Context, _args: string[], flags: Flags): number {
  const limit = parseNumber(stringFlag(flags, 'limit') ?? '20', 'limit');
  for (const e of readAuditLog(ctx.config.auditLog, limit)) {
    ctx.io.out(`${e.at} ${e.user} ${e.action}${e.sku ? ' ' + e.sku : ''}${e.detail ? ' ' + e.detail : ''}`);
  }
  return 0;
}

function statusCommand(ctx: Context): number {
  const saved = ctx.storage.lastModified;
  ctx.io.out(`config:     ${ctx.config.configFile ?? '(defaults)'}`);
  ctx.io.out(`data file:  ${ctx.storage.file}`);
  ctx.io.out(`last saved: ${saved ? saved.toISOString() : 'never'}`);
  ctx.io.out(`items:      ${ctx.store.list().length}`);
  ctx.io.out(`runtime:    ${runtimeVersion()}`);
  return 0;
}

const COMMANDS: Record<string, CommandHandler> = {
  list: listCommand,
  add: addCommand,
  adjust: adjustCommand,
  import: importCommand,
  report: reportCommand,
  history: historyCommand,
  status: statusCommand,
};

const consoleIo: Io = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: string[], io: Io = consoleIo, cwd = process.cwd()): Promise<number> {
  const { command, args, flags } = parseArgs(argv);
  if (flags.help || !command) {
    io.out(USAGE);
    return command || flags.help ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.err(`Unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }

  let unlock: (() => void) | undefined;
  try {
    const config = loadConfig(stringFlag(flags, 'config'), cwd);
    const storage = new FileStorage(config.dataFile);
    const store = new InventoryStore(storage, { audit: new AuditLog(config.auditLog) });
    if (MUTATING.has(command)) {
      unlock = acquireLock(config.lockFile);
    }
    return await handler({ config, storage, store, io }, args, flags);
  } catch (err) {
    if (err instanceof InventoryError || err instanceof LockError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    unlock?.();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exitCode = 1;
    },
  );
}

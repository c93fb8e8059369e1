import * as fs from 'fs';
import * as path from 'path';

/** Name of the config file looked up from the working directory upwards. */
export const CONFIG_FILE_NAME = 'inventory.config.json';

export interface AppConfig {
  /** Folder that relative paths in the config file are resolved against. */
  baseDir: string;
  /** The config file that was read, or undefined when running on defaults. */
  configFile?: string;
  dataFile: string;
  auditLog: string;
  lockFile: string;
  reportDir: string;
  /** Optional Markdown template for `report`; the built-in one is used otherwise. */
  templateFile?: string;
  /** Items with this quantity or less are flagged as low stock. */
  lowStockThreshold: number;
  /** ISO 4217 code printed next to prices. */
  currency: string;
}

type RawConfig = Partial<Omit<AppConfig, 'baseDir' | 'configFile'>>;

const DEFAULTS = {
  dataFile: 'data/inventory.json',
  auditLog: 'data/audit.log',
  lockFile: 'data/.inventory.lock',
  reportDir: 'reports',
  lowStockThreshold: 5,
  currency: 'EUR',
};

/** Walks up from `startDir` and returns the first inventory.config.json found. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

function readConfigFile(file: string): RawConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read config ${file}: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`Config ${file} must contain a JSON object`);
  }
  return parsed as RawConfig;
}

/**
 * Loads the app configuration.
 * An explicit `configPath` must exist; otherwise the nearest inventory.config.json
 * above `cwd` is used, and defaults apply when there is none.
 */
export function loadConfig(configPath?: string, cwd: string = process.cwd()): AppConfig {
  let file: string | undefined;
  if (configPath) {
    file = path.resolve(cwd, configPath);
    if (!fs.existsSync(file)) {
      throw new Error(`Config file not found: ${file}`);
    }
  } else {
    file = findConfigFile(cwd);
  }

  const raw = file ? readConfigFile(file) : {};
  const baseDir = file ? path.dirname(file) : path.resolve(cwd);
  const resolve = (p: string) => path.resolve(baseDir, p);

  const threshold = raw.lowStockThreshold ?? DEFAULTS.lowStockThreshold;
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new Error(`lowStockThreshold must be a non-negative integer, got ${JSON.stringify(threshold)}`);
  }

  return {
    baseDir,
    configFile: file,
    dataFile: resolve(raw.dataFile ?? DEFAULTS.dataFile),
    auditLog: resolve(raw.auditLog ?? DEFAULTS.auditLog),
    lockFile: resolve(raw.lockFile ?? DEFAULTS.lockFile),
    reportDir: resolve(raw.reportDir ?? DEFAULTS.reportDir),
    templateFile: raw.templateFile ? resolve(raw.templateFile) : undefined,
    lowStockThreshold: threshold,
    currency: (raw.currency ?? DEFAULTS.currency).toUpperCase(),
  };
}

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'fs';
import { dirname } from 'path';

export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  sku?: string;
  detail?: string;
}

/** Append-only audit trail, one JSON object per line. */
export class AuditLog {
  private dirReady = false;

  constructor(
    readonly file: string,
    private readonly user: string = process.env.USER ?? 'unknown',
  ) {}

  record(action: string, fields: { sku?: string; detail?: string } = {}): void {
    if (!this.dirReady) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.dirReady = true;
    }
    const entry: AuditEntry = { at: new Date().toISOString(), user: this.user, action, ...fields };
    appendFileSync(this.file, JSON.stringify(entry) + '\n', 'utf8');
  }
}

/** The last `limit` entries of an audit log, oldest first; [] when there is no log yet. */
export function readAuditLog(file: string, limit = 20): AuditEntry[] {
  if (!existsSync(file)) {
    return [];
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-limit).map((line) => JSON.parse(line) as AuditEntry);
}

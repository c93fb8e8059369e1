/**
 * Load an audit fixture project (every source file under a folder) and audit it from inside that
 * folder, so paths in findings are relative to it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { auditFiles } from '../../src/audit/run-audit';

const SOURCE = /\.(c|m)?(j|t)sx?$/;

/** Every source file under `dir`, as paths relative to it. */
export function readProject(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name)) out.push({ path: child, text: fs.readFileSync(path.join(dir, child), 'utf8') });
    }
  };
  walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Run the audit from inside `dir` so that relative paths resolve against it. */
export function auditProject(dir: string, options: Parameters<typeof auditFiles>[1] = {}) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return auditFiles(readProject(dir), options);
  } finally {
    process.chdir(cwd);
  }
}


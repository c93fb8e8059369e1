import fs, { readFileSync as read } from 'fs';
import * as cp from 'node:child_process';
import { scryptSync, randomFillSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export async function all(p: string): Promise<number> {
  const a = fs.readFileSync(p);
  const b = read(p);
  const c = fs['writeFileSync'](p, a);
  cp.execFileSync('ls');
  const key = scryptSync('pw', 'salt', 32);
  randomFillSync(new Uint8Array(4));
  const d = await readFile(p);
  return a.length + b.length + key.length + d.length + (c === undefined ? 0 : 1);
}

export async function typeOnly(): Promise<void> {
  type Fs = typeof import('fs');
  const fake: Pick<Fs, 'readFileSync'> = { readFileSync: (() => '') as never };
  fake.readFileSync('x');
  await Promise.resolve();
}

export async function dynamicImport(p: string): Promise<number> {
  const { readFileSync: r } = await import('node:fs');
  const zlib = await import('zlib');
  return r(p).length + zlib.deflateSync(Buffer.from(p)).length;
}

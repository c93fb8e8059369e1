import * as fs from 'node:fs';
import { readFileSync as read } from 'fs';
import { execSync } from 'child_process';
import zlib from 'zlib';
import crypto = require('crypto');

export async function loadUser(id: string): Promise<string> {
  const raw = fs.readFileSync(`users/${id}.json`, 'utf8');
  return raw.trim();
}

export const gitHead = async (): Promise<string> => execSync('git rev-parse HEAD').toString();

export class Archive {
  async unpack(file: string): Promise<Buffer> {
    const packed = await fs.promises.readFile(file);
    return zlib.gunzipSync(packed);
  }
}

export async function hashAll(passwords: string[]): Promise<Buffer[]> {
  return passwords.map((p) => crypto.pbkdf2Sync(p, 'salt', 100000, 64, 'sha512'));
}

export async function readTemplates(names: string[]): Promise<string[]> {
  return names.map((n) => read(n, 'utf8'));
}

export async function waitForFlag(flags: Int32Array): Promise<void> {
  Atomics.wait(flags, 0, 0);
}

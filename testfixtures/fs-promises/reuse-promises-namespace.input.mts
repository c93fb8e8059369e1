import * as fsp from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';

export async function save(dir: string, data: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/data.txt`, data);
  await fsp.chmod(`${dir}/data.txt`, 0o600);
}

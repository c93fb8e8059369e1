import * as fsp from 'node:fs/promises';

export async function save(dir: string, data: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(`${dir}/data.txt`, data);
  await fsp.chmod(`${dir}/data.txt`, 0o600);
}

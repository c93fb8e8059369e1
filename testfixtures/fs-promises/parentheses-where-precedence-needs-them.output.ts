import { readFile, readdir, stat, access } from 'fs/promises';

export async function summary(dir: string) {
  const first = (await readFile(`${dir}/a.txt`)).toString().trim();
  const count = (await readdir(dir)).length;
  const isDir = (await stat(dir)).isDirectory();
  const missing = !(await access(`${dir}/b.txt`).then(() => true, () => false));
  const kind = typeof (await readFile(`${dir}/a.txt`, 'utf8'));
  const json = JSON.parse(await readFile(`${dir}/c.json`, 'utf8'));
  const line = `${dir}: ${await readFile(`${dir}/a.txt`, 'utf8')}`;
  const bigger = (await stat(dir)).size > (await stat(`${dir}/a.txt`)).size;
  const fallback = (await access(dir).then(() => true, () => false)) ? await readFile(dir, 'utf8') : '';
  return { first, count, isDir, missing, kind, json, line, bigger, fallback };
}

import { readFileSync, readdirSync, statSync, existsSync } from 'fs';

export async function summary(dir: string) {
  const first = readFileSync(`${dir}/a.txt`).toString().trim();
  const count = readdirSync(dir).length;
  const isDir = statSync(dir).isDirectory();
  const missing = !existsSync(`${dir}/b.txt`);
  const kind = typeof readFileSync(`${dir}/a.txt`, 'utf8');
  const json = JSON.parse(readFileSync(`${dir}/c.json`, 'utf8'));
  const line = `${dir}: ${readFileSync(`${dir}/a.txt`, 'utf8')}`;
  const bigger = statSync(dir).size > statSync(`${dir}/a.txt`).size;
  const fallback = existsSync(dir) ? readFileSync(dir, 'utf8') : '';
  return { first, count, isDir, missing, kind, json, line, bigger, fallback };
}

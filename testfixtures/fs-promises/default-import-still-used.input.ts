import fs from 'fs';

export async function copyConfig(from: string, to: string): Promise<void> {
  const text = fs.readFileSync(from, 'utf8');
  fs.writeFileSync(to, text);
  fs.createReadStream(to).close();
}

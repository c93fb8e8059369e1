import * as fs from 'fs';

export async function copyHead(from: string, to: string): Promise<void> {
  const fd = fs.openSync(from, 'r');
  const buffer = Buffer.alloc(64);
  fs.readSync(fd, buffer, 0, 64, 0);
  const info = fs.fstatSync(fd);
  fs.closeSync(fd);
  const stdin = fs.readFileSync(0, 'utf8');
  const again = fs.readFileSync(fd);
  fs.writeFileSync(process.stdout.fd, `${info.size} ${stdin.length} ${again.length}`);
  fs.writeFileSync(to, buffer);
}

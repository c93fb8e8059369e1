import { execSync } from 'child_process';
import { gzipSync } from 'zlib';

export function revision(): string {
  return execSync('git rev-parse HEAD', { encoding: 'utf8' });
}

export class Archive {
  data: Buffer;
  constructor(text: string) {
    this.data = gzipSync(text);
  }
  get size(): number {
    return gzipSync(this.data).length;
  }
}

import { gzip } from 'zlib';
import { pause, toolVersion } from './revision';
import { promisify } from 'util';
const gzipAsync = promisify(gzip);

export async function pack(text: string): Promise<Buffer> {
  return await gzipAsync(`${toolVersion()}\n${text}`);
}

export class Banner {
  readonly text: string;
  constructor() {
    this.text = toolVersion();
  }
}

export async function release(notes: string): Promise<number> {
  await pause(10);
  return (await pack(notes)).length;
}

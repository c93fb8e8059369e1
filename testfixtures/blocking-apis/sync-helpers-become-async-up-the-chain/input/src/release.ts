import { gzipSync } from 'zlib';
import { pause, toolVersion } from './revision';

export function pack(text: string): Buffer {
  return gzipSync(`${toolVersion()}\n${text}`);
}

export class Banner {
  readonly text: string;
  constructor() {
    this.text = toolVersion();
  }
}

export async function release(notes: string): Promise<number> {
  pause(10);
  return pack(notes).length;
}

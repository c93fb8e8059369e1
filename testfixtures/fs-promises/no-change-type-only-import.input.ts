import type { Stats } from 'fs';
import { type PathLike } from 'fs';

export async function describe(stats: Stats, path: PathLike): Promise<string> {
  return `${String(path)}: ${stats.size}`;
}

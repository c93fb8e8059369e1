import { existsSync } from 'fs';
import * as path from 'path';

export function resolveFrom(dir: string, name: string): string | undefined {
  const candidate = path.join(dir, name);
  return existsSync(candidate) ? candidate : undefined;
}

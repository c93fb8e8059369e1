import { readFileSync } from 'fs';

export class Cache {
  // A parenthesised arrow body: Babel and TypeScript start the body at different offsets.
  read = (key: string): string => (readFileSync(`cache/${key}`, 'utf8'));
}

import { readFileSync } from 'fs';

export function loadConfig(file: string): string {
  return readFileSync(file, 'utf8');
}

const loaders = { config: loadConfig };

export function reload(): void {
  // Bound copies the call graph does not follow: the migration would leave promises floating,
  // one in a statement, one in a variable.
  const load = loaders.config.bind(undefined);
  load('app.json');
  const read = loaders.config.bind(null);
  const text = read('app.json');
  console.log(text);
}

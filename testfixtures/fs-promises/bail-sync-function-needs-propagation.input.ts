import { readFileSync } from 'fs';

export function loadTemplate(name: string): string {
  return readFileSync(`templates/${name}.html`, 'utf8');
}

export async function render(name: string): Promise<string> {
  return [name].map((n) => readFileSync(n, 'utf8')).join('');
}

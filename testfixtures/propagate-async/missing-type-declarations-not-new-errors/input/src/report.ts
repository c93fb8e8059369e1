// As in a checkout without node_modules: no @types/node ("types": []), so 'fs' and console are unknown.
import { readFileSync } from 'fs';

export function readReport(file: string): string {
  const text = readFileSync(file, 'utf8');
  console.log(`read ${text.length} characters`);
  return text;
}

export async function printReport(): Promise<void> {
  console.log(readReport('report.txt'));
}

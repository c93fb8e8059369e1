// As in a checkout without node_modules: no @types/node ("types": []), so 'fs' and console are unknown.
import { readFile } from 'fs/promises';

export async function readReport(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  console.log(`read ${text.length} characters`);
  return text;
}

export async function printReport(): Promise<void> {
  console.log(await readReport('report.txt'));
}

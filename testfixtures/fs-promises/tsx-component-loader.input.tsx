import { readFileSync } from 'fs';

export async function Page({ file }: { file: string }) {
  const markdown = readFileSync(file, 'utf8');
  return <article>{markdown}</article>;
}

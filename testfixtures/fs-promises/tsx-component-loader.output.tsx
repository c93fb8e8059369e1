import { readFile } from 'fs/promises';

export async function Page({ file }: { file: string }) {
  const markdown = await readFile(file, 'utf8');
  return <article>{markdown}</article>;
}

import { readFile, stat, writeFile } from 'fs/promises';

export async function copyWithNote(from, to) {
  const text = /* as text */ await readFile(from, 'utf8'); // utf-8 only
  const size = (await stat(from)) /* of the source */ .size;
  await writeFile(
    to,
    // the header first
    `${size}\n${text}`,
    { encoding: 'utf8' },
  );
  log(/* why */ await readFile(to));
  log(/* both */ await readFile(
    to,
    'utf8',
  ));
}

function log(value) {
  console.log(value);
}

import { readFileSync, statSync, writeFileSync } from 'fs';

export async function copyWithNote(from, to) {
  const text = /* as text */ readFileSync(from, 'utf8'); // utf-8 only
  const size = statSync(from) /* of the source */ .size;
  writeFileSync(
    to,
    // the header first
    `${size}\n${text}`,
    { encoding: 'utf8' },
  );
  log(/* why */ readFileSync(to));
  log(/* both */ readFileSync(
    to,
    'utf8',
  ));
}

function log(value) {
  console.log(value);
}

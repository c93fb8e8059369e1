import { allLines, report } from './files.js';

export async function main(dir) {
  console.log(
    `${(await allLines(dir)).length} lines, ${await report(dir)} bytes`
  );
}

import { allLines, report } from './files.js';

export function main(dir) {
  console.log(`${allLines(dir).length} lines, ${report(dir)} bytes`);
}

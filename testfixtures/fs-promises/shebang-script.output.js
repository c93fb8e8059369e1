#!/usr/bin/env node
'use strict';
const { readFile } = require('fs/promises');

async function main() {
  const [file] = process.argv.slice(2);
  process.stdout.write(await readFile(file, 'utf8'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

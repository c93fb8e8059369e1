#!/usr/bin/env node
'use strict';
const fs = require('fs');

async function main() {
  const [file] = process.argv.slice(2);
  process.stdout.write(fs.readFileSync(file, 'utf8'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

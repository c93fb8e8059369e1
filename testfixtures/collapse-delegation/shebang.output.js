#!/usr/bin/env node
async function run(argv) {
  return argv.length;
}

function main(argv) {
  return run(argv);
}

main(process.argv);

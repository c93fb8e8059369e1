async function run(argv) {
  return argv.length;
}

async function main(argv) {
  return await run(argv);
}

main(process.argv);

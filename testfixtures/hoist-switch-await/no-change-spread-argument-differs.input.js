export async function run(kind, args) {
  if (kind === 'one') {
    return await exec('tool', ...args);
  } else {
    return await exec('tool', ...args.slice(1));
  }
}

export async function read(name) {
  if (await exists(name + '.gz')) {
    return await load(name + '.gz');
  } else {
    return await load(name);
  }
}

export async function read(compressed, next) {
  return compressed ? await load(next(), 'gzip') : await load(next(), 'none');
}

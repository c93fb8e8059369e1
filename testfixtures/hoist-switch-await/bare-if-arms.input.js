export async function open(store, name, compressed) {
  if (compressed) return await store.read(name + '.gz', { inflate: true });
  else return await store.read(name, { inflate: false });
}

export async function read(kind, name) {
  switch (kind) {
    case 'a':
      return await loaders.get(kind)(name, 'a');
    case 'b':
      return await loaders.get(kind)(name, 'b');
    default:
      throw new Error(kind);
  }
}

export async function read(kind, name) {
  switch (kind) {
    case 'text':
      return await load(name, 'utf8');
    case 'binary':
      return await load(name);
    default:
      throw new Error(kind);
  }
}

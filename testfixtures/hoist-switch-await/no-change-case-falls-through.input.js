export async function read(kind, name) {
  switch (kind) {
    case 'legacy':
      name = name.toLowerCase();
    // falls through
    case 'modern':
      return await load(name, 'utf8');
    case 'binary':
      return await load(name, null);
    default:
      throw new Error(kind);
  }
}

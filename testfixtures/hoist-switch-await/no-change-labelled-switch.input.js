export async function read(kind, name) {
  pick: switch (kind) {
    case 'a':
      return await load(name, 'a');
    case 'b':
      return await load(name, 'b');
    default:
      throw new Error(kind);
  }
}

export async function read(kind, name) {
  let text = '';
  switch (kind) {
    case 'a':
      text = await load(name, 'a');
      break;
    case 'b':
      text = await load(name, 'b');
      break;
    case 'none':
      break;
    default:
      throw new Error(kind);
  }
  return text;
}

export async function read(kind, name) {
  let text;
  let bytes;
  switch (kind) {
    case 'text':
      text = await load(name, 'utf8');
      break;
    case 'binary':
      bytes = await load(name, null);
      break;
    default:
      throw new Error(kind);
  }
  return text ?? bytes;
}

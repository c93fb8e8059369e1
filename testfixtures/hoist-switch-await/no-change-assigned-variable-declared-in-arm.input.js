export async function read(kind, name) {
  switch (kind) {
    case 'a': {
      let text;
      text = await load(name, 'a');
      break;
    }
    case 'b': {
      let text;
      text = await load(name, 'b');
      break;
    }
    default:
      throw new Error(kind);
  }
}

export async function read(kind, name) {
  let text = '';
  if (kind === 'a') {
    text = await load(name, 'a');
  } else if (kind === 'b') {
    text = await load(name, 'b');
  }
  return text;
}

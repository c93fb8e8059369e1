export async function read(kind, name) {
  let text;
  if (kind === 'a') {
    return await load(name, 'a');
  } else {
    text = await load(name, 'b');
  }
  return text.trim();
}

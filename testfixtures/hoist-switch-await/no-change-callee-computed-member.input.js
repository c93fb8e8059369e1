export async function read(kind, name) {
  if (kind === 'a') {
    return await handlers[kind](name, 1);
  } else {
    return await handlers[kind](name, 2);
  }
}

export async function open(store, name, compressed) {
  let readArg1;
  let readArg2;
  if (compressed) {
    readArg1 = name + '.gz';
    readArg2 = { inflate: true };
  } else {
    readArg1 = name;
    readArg2 = { inflate: false };
  }
  return await store.read(readArg1, readArg2);
}

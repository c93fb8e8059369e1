enum Access {
  Read,
  Write,
}

declare function open(path: string, access: Access): Promise<number>;

export async function openFor(intent: 'inspect' | 'edit', path: string) {
  let openArg: Access;
  if (intent === 'inspect') {
    openArg = Access.Read;
  } else {
    openArg = Access.Write;
  }
  return await open(path, openArg);
}

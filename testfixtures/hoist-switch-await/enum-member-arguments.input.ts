enum Access {
  Read,
  Write,
}

declare function open(path: string, access: Access): Promise<number>;

export async function openFor(intent: 'inspect' | 'edit', path: string) {
  if (intent === 'inspect') {
    return await open(path, Access.Read);
  } else {
    return await open(path, Access.Write);
  }
}

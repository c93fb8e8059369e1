declare function load(name: string, level: 1 | 2 | 3): Promise<string>;

export async function open(kind: number, level: number, name: string) {
  switch (kind) {
    case 1:
      switch (level) {
        case 1:
          return await load(name, 1);
        default:
          return await load(name, 2);
      }
    default:
      return await load(name, 3);
  }
}

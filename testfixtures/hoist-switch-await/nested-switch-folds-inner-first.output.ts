declare function load(name: string, level: 1 | 2 | 3): Promise<string>;

export async function open(kind: number, level: number, name: string) {
  let loadArg2: 1 | 2 | 3;
  switch (kind) {
    case 1:
      let loadArg: 1 | 2;
      switch (level) {
        case 1:
          loadArg = 1;
          break;
        default:
          loadArg = 2;
          break;
      }
      loadArg2 = loadArg;
      break;
    default:
      loadArg2 = 3;
      break;
  }
  return await load(name, loadArg2);
}

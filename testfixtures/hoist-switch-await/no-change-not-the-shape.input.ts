import { load, save } from './loader';

// Only one arm awaits load(); different callees; no await at the end: nothing to hoist, nothing to report.
export async function read(kind: 'a' | 'b' | 'c', name: string) {
  switch (kind) {
    case 'a':
      return await load(name, 'a');
    case 'b':
      return await save(name, 'b');
    default:
      return name;
  }
}

export async function pick(flag: boolean, name: string) {
  const x = flag ? await load(name, 'a') : await save(name, 'b');
  if (flag) {
    console.log(await load(name, 'a'));
  } else {
    console.log(await load(name, 'b'));
  }
  return x;
}

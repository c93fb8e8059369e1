import { readFileSync } from 'fs';

function a(file: string): number {
  return readFileSync(file).length;
}

function b(file: string): number {
  return readFileSync(file).length;
}

function c(file: string): string {
  return readFileSync(file, 'utf8');
}

function d(file: string): number {
  return readFileSync(file).length;
}

function e(file: string): string {
  return readFileSync(file, 'utf8');
}

function g(file: string): number {
  return readFileSync(file).length;
}

function h(file: string): number {
  return readFileSync(file).length;
}

interface Item {
  file: string;
}

// The result is used inside an expression, not declared, assigned or returned.
export function joined(files: string[]): string {
  return files.map((f) => a(f)).join(',');
}

// A return inside a loop of the callback: `continue` would bind to that loop.
export function firstSizes(groups: string[][]): number[] {
  const out = groups.map((group) => {
    for (const f of group) {
      if (f) return b(f);
    }
    return 0;
  });
  return out;
}

// find must keep the whole item, and this callback destructures it.
export function firstText(items: Item[]): Item | undefined {
  const hit = items.find(({ file }) => c(file).length > 0);
  return hit;
}

// flatMap's callback returns a number, not an array.
export function flat(files: string[]): number[] {
  const sizes = files.flatMap((f) => d(f));
  return sizes;
}

// A var in the callback would be shared by every item of the loop.
export function texts(files: string[]): string[] {
  const out = files.map((f) => {
    var text = e(f);
    return text;
  });
  return out;
}

// The return is itself in the callback of another array method.
export function nested(groups: string[][]): number[][] {
  const out = groups.map((group) => {
    return group.map((f) => g(f));
  });
  return out;
}

// A readonly declared type: the loop could not push to it.
export function frozen(files: string[]): readonly number[] {
  const out: readonly number[] = files.map((f) => h(f));
  return out;
}

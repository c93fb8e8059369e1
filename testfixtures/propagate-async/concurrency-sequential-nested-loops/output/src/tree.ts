import { readFile } from 'fs/promises';

async function size(file: string): Promise<number> {
  return (await readFile(file)).length;
}

// A map inside a map: both become loops, the inner one inside the outer one's body.
export async function groupSizes(groups: string[][]): Promise<number[][]> {
  const out = [];
  for (const group of groups) {
    const sizes = [];
    for (const f of group) {
      sizes.push(await size(f));
    }
    out.push(sizes);
  }
  return out;
}

// A forEach inside a filter: its `return;` stays the inner loop's `continue`.
export async function groupsWithData(groups: string[][]): Promise<string[][]> {
  const kept = [];
  for (const group of groups) {
    let total = 0;
    for (const f of group) {
      if (!f) continue;
      total += await size(f);
    }
    if (total > 0) {
      kept.push(group);
    }
  }
  return kept;
}

// A returned call, directly awaited in the loop.
export async function firstSizes(groups: string[][]): Promise<number[]> {
  const firsts = [];
  for (const group of groups) {
    if (group.length === 0) {
      firsts.push(0);
      continue;
    }
    firsts.push(await size(group[0]));
  }
  return firsts;
}

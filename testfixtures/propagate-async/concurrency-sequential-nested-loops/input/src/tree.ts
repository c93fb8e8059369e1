import { readFileSync } from 'fs';

function size(file: string): number {
  return readFileSync(file).length;
}

// A map inside a map: both become loops, the inner one inside the outer one's body.
export function groupSizes(groups: string[][]): number[][] {
  const out = groups.map((group) => {
    const sizes = group.map((f) => size(f));
    return sizes;
  });
  return out;
}

// A forEach inside a filter: its `return;` stays the inner loop's `continue`.
export function groupsWithData(groups: string[][]): string[][] {
  const kept = groups.filter((group) => {
    let total = 0;
    group.forEach((f) => {
      if (!f) return;
      total += size(f);
    });
    return total > 0;
  });
  return kept;
}

// A returned call, directly awaited in the loop.
export function firstSizes(groups: string[][]): number[] {
  const firsts = groups.map((group) => {
    if (group.length === 0) return 0;
    return size(group[0]);
  });
  return firsts;
}

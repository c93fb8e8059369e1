// `continue` and `break outer` inside an arm leave the loop iteration or the loop, so they skip the
// call both before and after hoisting; only a plain `break` out of the switch would not (AM414).
export async function firstReadable(entries, open) {
  outer: for (const entry of entries) {
    switch (entry.kind) {
      case 'file':
        if (entry.hidden) continue;
        return await open(entry.path, 'file');
      case 'link':
        if (entry.broken) break outer;
        return await open(entry.target, 'link');
      default:
        continue;
    }
  }
  return null;
}

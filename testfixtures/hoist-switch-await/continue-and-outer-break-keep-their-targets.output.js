// `continue` and `break outer` inside an arm leave the loop iteration or the loop, so they skip the
// call both before and after hoisting; only a plain `break` out of the switch would not (AM414).
export async function firstReadable(entries, open) {
  outer: for (const entry of entries) {
    let openArg1;
    let openArg2;
    switch (entry.kind) {
      case 'file':
        if (entry.hidden) continue;
        openArg1 = entry.path;
        openArg2 = 'file';
        break;
      case 'link':
        if (entry.broken) break outer;
        openArg1 = entry.target;
        openArg2 = 'link';
        break;
      default:
        continue;
    }
    return await open(openArg1, openArg2);
  }
  return null;
}

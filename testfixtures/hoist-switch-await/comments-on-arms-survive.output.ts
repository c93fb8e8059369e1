declare function load(name: string, mode: 'r' | 'w'): Promise<string>;

export async function open(kind: 'read' | 'write', name: string) {
  let loadArg: 'r' | 'w';
  // pick the mode from the kind
  switch (kind) {
    // reading is the common case
    case 'read':
      /* no lock needed */
      loadArg = 'r';
      break; // fast path
    /** writers take the lock inside load() */
    case 'write':
      // trailing explanation for the write arm
      loadArg = 'w';
      break;
    default:
      // unreachable for well-typed callers
      throw new Error(`bad kind ${kind}`);
  }
  return await load(name, loadArg);
}

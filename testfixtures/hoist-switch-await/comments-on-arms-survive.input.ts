declare function load(name: string, mode: 'r' | 'w'): Promise<string>;

export async function open(kind: 'read' | 'write', name: string) {
  // pick the mode from the kind
  switch (kind) {
    // reading is the common case
    case 'read':
      /* no lock needed */
      return await load(name, 'r'); // fast path
    /** writers take the lock inside load() */
    case 'write':
      // trailing explanation for the write arm
      return await load(name, 'w');
    default:
      // unreachable for well-typed callers
      throw new Error(`bad kind ${kind}`);
  }
}

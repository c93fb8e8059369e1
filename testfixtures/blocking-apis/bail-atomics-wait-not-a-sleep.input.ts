const shared = new Int32Array(new SharedArrayBuffer(4));

export async function waits(ms: number) {
  Atomics.wait(shared, 0, 0, ms);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  const outcome = Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return outcome;
}

declare function openLock(name: string): Disposable;

async function work(name: string): Promise<string> {
  return name;
}

// The lock must be held until work() settles.
export async function locked(name: string): Promise<string> {
  using lock = openLock(name);
  return await work(name);
}

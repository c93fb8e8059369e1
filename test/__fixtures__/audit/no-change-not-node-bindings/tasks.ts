export function runSync(task: string): void {
  console.log(task);
}

export function parseSync(source: string): string[] {
  return source.split(' ');
}

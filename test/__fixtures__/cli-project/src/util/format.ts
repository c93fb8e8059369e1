/** Pure helpers: no file system here. */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

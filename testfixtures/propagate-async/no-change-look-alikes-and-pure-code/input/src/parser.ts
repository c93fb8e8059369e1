export function parseSync(text: string): number {
  return text.length;
}

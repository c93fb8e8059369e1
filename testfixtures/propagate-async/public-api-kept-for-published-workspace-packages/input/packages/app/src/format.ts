export function banner(name: string): string {
  return `== ${name} ==`;
}

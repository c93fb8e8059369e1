import { readText } from "./read";

// Uses the text twice.
export function twice(file: string): string {
  return readText(file) + readText(file).trim();
}

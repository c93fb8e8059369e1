import { readText } from "./read";

// Uses the text twice.
export async function twice(file: string): Promise<string> {
  return (await readText(file)) + (await readText(file)).trim();
}

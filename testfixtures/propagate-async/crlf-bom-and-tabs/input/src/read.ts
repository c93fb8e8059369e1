import { readFileSync } from "fs";

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

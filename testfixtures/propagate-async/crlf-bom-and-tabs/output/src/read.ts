import { readFile } from "fs/promises";

export async function readText(file: string): Promise<string> {
  return await readFile(file, "utf8");
}

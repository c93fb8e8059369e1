import { writeFile, stat } from "fs/promises"

export async function write(file, text) {
  await writeFile(file, text)
  return (await stat(file)).size
}

import {
  statSync,
} from "fs"
import { writeFile, readFile } from "fs/promises"

export const stat = statSync

export async function save(p, text) {
  await writeFile(p,
    text)
  ;(await readFile(p)).toString()
  return (await readFile(p, "utf8"))
    .trim()
}

import {
  readFileSync,
  statSync,
  writeFileSync,
} from "fs"

export const stat = statSync

export async function save(p, text) {
  writeFileSync(p,
    text)
  readFileSync(p).toString()
  return readFileSync(p, "utf8")
    .trim()
}

import fs from "fs"

export async function write(file, text) {
  fs.writeFileSync(file, text)
  return fs.statSync(file).size
}

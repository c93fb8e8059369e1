import * as fs from "fs"
export async function f(d: string) {
  const x = 1
  fs.statSync(d)!.isFile()
  const f = fs.statSync(d)!.size
  return fs.readFileSync(d)!.length + f + x
}

import { stat, readFile } from "fs/promises"
export async function f(d: string) {
  const x = 1
  ;(await stat(d))!.isFile()
  const f = (await stat(d))!.size
  return (await readFile(d))!.length + f + x
}

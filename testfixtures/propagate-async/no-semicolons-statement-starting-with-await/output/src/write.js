import { writeFile } from 'fs/promises'

async function writeIt (file, text) {
  await writeFile(file, text, 'utf-8')
}

export async function writeAll () {
  const files = ['a.txt', 'b.txt']
  for (const file of files) {
    await writeIt(file, '')
  }
  await writeIt('done.txt', 'ok')
}

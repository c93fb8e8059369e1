import { writeFileSync } from 'fs'

function writeIt (file, text) {
  writeFileSync(file, text, 'utf-8')
}

export async function writeAll () {
  const files = ['a.txt', 'b.txt']
  files.forEach((file) => {
    writeIt(file, '')
  })
  writeIt('done.txt', 'ok')
}

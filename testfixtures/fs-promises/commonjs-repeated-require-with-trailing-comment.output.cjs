const fs = require('fs') // one
const { readFile } = require('fs/promises')

async function a(p) {
  return [await readFile(p), fs]
}

function b() {
  const fs = require('fs')
  return fs
}
module.exports = { a, b }

const fs = require('fs') // one

async function a(p) {
  return [fs.readFileSync(p), fs]
}

function b() {
  const fs = require('fs')
  return fs
}
module.exports = { a, b }

const path = require('path') // fs for the catalog only
const { readFile } = require('fs/promises')

async function load(dir) {
  return await readFile(path.join(dir, 'catalog.json'), 'utf8')
}

module.exports = { load }

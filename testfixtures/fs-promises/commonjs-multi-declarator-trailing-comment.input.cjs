const path = require('path'), fs = require('fs') // fs for the catalog only

async function load(dir) {
  return fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8')
}

module.exports = { load }

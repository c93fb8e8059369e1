const gfs = require('graceful-fs');
const { promises } = require('graceful-fs');

async function load(files) {
  const first = await gfs.promises.readFile(files[0], 'utf8');
  const second = await promises.readFile(files[1], 'utf8');
  return first + second;
}

module.exports = { load };

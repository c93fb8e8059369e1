const gfs = require('graceful-fs');
const { readFileSync } = require('graceful-fs');

async function load(files) {
  const first = gfs.readFileSync(files[0], 'utf8');
  const second = readFileSync(files[1], 'utf8');
  return first + second;
}

module.exports = { load };

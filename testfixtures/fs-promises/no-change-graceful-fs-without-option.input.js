const gfs = require('graceful-fs');

async function load(file) {
  return gfs.readFileSync(file, 'utf8');
}

module.exports = { load };

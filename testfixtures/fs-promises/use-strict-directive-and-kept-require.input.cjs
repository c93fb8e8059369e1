'use strict';

const fs = require('fs');
const path = require('path');

async function f(p) {
  fs.mkdirSync(p);
  return fs.readFileSync(p, 'utf8');
}
module.exports = { f, s: fs.createReadStream };

'use strict';

// file system
const { readFileSync } = require('fs');

async function f(p) {
  return readFileSync(p, 'utf8');
}
module.exports = { f };

'use strict';

// file system
const { readFile } = require('fs/promises');

async function f(p) {
  return await readFile(p, 'utf8');
}
module.exports = { f };

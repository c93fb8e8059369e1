'use strict';

const fs = require('fs');
const { mkdir, readFile } = require('fs/promises');
const path = require('path');

async function f(p) {
  await mkdir(p);
  return await readFile(p, 'utf8');
}
module.exports = { f, s: fs.createReadStream };

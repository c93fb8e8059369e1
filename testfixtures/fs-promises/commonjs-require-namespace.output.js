'use strict';

const { readdir, readFile } = require('fs/promises');
const path = require('path');

module.exports = async function readAll(dir) {
  const out = {};
  for (const name of await readdir(dir)) {
    out[name] = await readFile(path.join(dir, name), 'utf8');
  }
  return out;
};

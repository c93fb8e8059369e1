'use strict';

const fs = require('fs');
const path = require('path');

module.exports = async function readAll(dir) {
  const out = {};
  for (const name of fs.readdirSync(dir)) {
    out[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return out;
};

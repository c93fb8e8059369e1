'use strict';
const fs = require('fs');

function readText(file) {
  return fs.readFileSync(file, 'utf8');
}

Object.assign(module.exports, { readText });

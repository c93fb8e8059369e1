'use strict';
const fs = require('fs');

function readText(file) {
  return fs.readFileSync(file, 'utf8');
}

function readJson(file) {
  return JSON.parse(readText(file));
}

Object.assign(module.exports, { readText, readJson });

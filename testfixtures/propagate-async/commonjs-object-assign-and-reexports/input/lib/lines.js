'use strict';
const { readText } = require('./read');

function readLines(file) {
  return readText(file).split('\n');
}

// Everything read.js exports, plus readLines.
module.exports = { ...require('./read'), readLines };

'use strict';
const { readText } = require('./read');

async function readLines(file) {
  return (await readText(file)).split('\n');
}

// Everything read.js exports, plus readLines.
module.exports = { ...require('./read'), readLines };

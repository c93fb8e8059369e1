'use strict';
const { readFileSync, existsSync } = require('fs');

function readConfig(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '{}';
}

async function start(path) {
  const text = readConfig(path);
  return text.length;
}

module.exports = { readConfig, start };

'use strict';
const fs = require('fs');

function loadConfig(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = { loadConfig };

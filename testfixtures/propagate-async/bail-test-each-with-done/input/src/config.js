'use strict';
const fs = require('fs');

function loadPort(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).port;
}

module.exports = { loadPort };

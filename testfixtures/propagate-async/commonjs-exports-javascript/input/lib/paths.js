'use strict';
const { existsSync } = require('node:fs');

function hasConfig(dir) {
  return existsSync(`${dir}/config.json`);
}

module.exports = { hasConfig };

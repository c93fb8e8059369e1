'use strict';
const { existsSync } = require('node:fs');

/**
 * Whether `dir` has a config file.
 * @param {string} dir
 * @returns {boolean}
 */
function hasConfig(dir) {
  return existsSync(`${dir}/config.json`);
}

module.exports = { hasConfig };

'use strict';
const { access } = require('node:fs/promises');

/**
 * Whether `dir` has a config file.
 * @param {string} dir
 * @returns {Promise<boolean>}
 */
async function hasConfig(dir) {
  return await access(`${dir}/config.json`).then(() => true, () => false);
}

module.exports = { hasConfig };

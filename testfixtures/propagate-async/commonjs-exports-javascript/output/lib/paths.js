'use strict';
const { access } = require('node:fs/promises');

async function hasConfig(dir) {
  return await access(`${dir}/config.json`).then(() => true, () => false);
}

module.exports = { hasConfig };

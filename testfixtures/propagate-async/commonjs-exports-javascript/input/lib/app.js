'use strict';
const { configName } = require('./config');
const paths = require('./paths');

async function main(dir) {
  if (paths.hasConfig(dir)) {
    console.log(configName(`${dir}/config.json`));
  }
}

module.exports = { main };

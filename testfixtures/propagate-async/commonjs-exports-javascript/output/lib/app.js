'use strict';
const { configName } = require('./config');
const paths = require('./paths');

async function main(dir) {
  if (await paths.hasConfig(dir)) {
    console.log(await configName(`${dir}/config.json`));
  }
}

module.exports = { main };

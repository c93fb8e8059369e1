'use strict';
const { readFile } = require('fs/promises');

async function loadConfig(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

exports.loadConfig = loadConfig;

exports.configName = async function (file) {
  return (await loadConfig(file)).name;
};

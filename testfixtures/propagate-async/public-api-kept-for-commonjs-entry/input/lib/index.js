'use strict';
const fs = require('fs');

function readRaw(file) {
  return fs.readFileSync(file, 'utf8');
}

function loadConfig(file) {
  return JSON.parse(readRaw(file));
}

module.exports = { loadConfig };

module.exports.configSize = function (file) {
  return fs.statSync(file).size;
};

exports.hasConfig = (dir) => fs.existsSync(`${dir}/config.json`);

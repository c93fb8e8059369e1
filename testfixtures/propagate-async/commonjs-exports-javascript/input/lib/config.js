'use strict';
const fs = require('fs');

function loadConfig(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

exports.loadConfig = loadConfig;

exports.configName = function (file) {
  return loadConfig(file).name;
};

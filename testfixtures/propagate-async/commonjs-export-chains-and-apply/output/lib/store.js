'use strict';
var utils = require('./utils');
var readJson = utils.json;

async function load(dir, name) {
  return readJson(dir, name + '.json');
}

exports.load = load;
exports.readText = utils.file;

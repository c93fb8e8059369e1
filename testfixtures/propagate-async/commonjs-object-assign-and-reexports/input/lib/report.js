'use strict';
const read = require('./read');
const { readJson: loadJson } = require('./read');
const lines = require('./lines');
const sizes = require('./sizes');
const text = require('./text');

function summary(file) {
  const config = loadJson(file);
  return `${config.name}: ${lines.readLines(file).length} lines, ${sizes.sizeOf(file)} bytes, ${read.readText(file).length} chars, ${text.firstUpper(file)}`;
}

function check(file) {
  if (lines.readJson(file).enabled) {
    return require('./read').readText(file);
  }
  return '';
}

module.exports = { summary, check };

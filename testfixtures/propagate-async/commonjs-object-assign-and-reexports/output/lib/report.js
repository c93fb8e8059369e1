'use strict';
const read = require('./read');
const { readJson: loadJson } = require('./read');
const lines = require('./lines');
const sizes = require('./sizes');
const text = require('./text');

async function summary(file) {
  const config = await loadJson(file);
  return `${config.name}: ${(await lines.readLines(file)).length} lines, ${await sizes.sizeOf(file)} bytes, ${(await read.readText(file)).length} chars, ${await text.firstUpper(file)}`;
}

async function check(file) {
  if ((await lines.readJson(file)).enabled) {
    return require('./read').readText(file);
  }
  return '';
}

module.exports = { summary, check };

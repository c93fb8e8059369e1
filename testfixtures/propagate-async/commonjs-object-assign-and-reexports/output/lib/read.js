'use strict';
const { readFile } = require('fs/promises');

async function readText(file) {
  return await readFile(file, 'utf8');
}

async function readJson(file) {
  return JSON.parse(await readText(file));
}

Object.assign(module.exports, { readText, readJson });

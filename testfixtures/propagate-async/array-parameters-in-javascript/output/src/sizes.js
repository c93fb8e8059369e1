'use strict';
const { stat } = require('fs/promises');
const path = require('path');

async function sizeOf(file) {
  return (await stat(file)).size;
}

// Untyped, but every call passes an array: the callbacks are restructured as for a typed array.
async function sizesOf(files) {
  const sizes = await Promise.all(files.map(async (file) => sizeOf(file)));
  return sizes;
}

// A JSDoc array type is read by the checker: exported, and still restructured.
/** @param {string[]} files */
async function sizesOfListed(files) {
  const sizes = await Promise.all(files.map(async (file) => sizeOf(file)));
  return sizes;
}

async function printSizes(files) {
  for (const file of files) {
    console.log(file, await sizeOf(file));
  }
}

async function report(dir) {
  const names = ['a.txt', 'b.txt'];
  await printSizes(names);
  return (await sizesOf(names.map((name) => path.join(dir, name)))).join('\n');
}

module.exports = { report, sizesOfListed };

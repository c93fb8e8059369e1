'use strict';
const fs = require('fs');
const path = require('path');

function sizeOf(file) {
  return fs.statSync(file).size;
}

// Untyped, but every call passes an array: the callbacks are restructured as for a typed array.
function sizesOf(files) {
  const sizes = files.map((file) => sizeOf(file));
  return sizes;
}

// A JSDoc array type is read by the checker: exported, and still restructured.
/** @param {string[]} files */
function sizesOfListed(files) {
  const sizes = files.map((file) => sizeOf(file));
  return sizes;
}

function printSizes(files) {
  files.forEach((file) => {
    console.log(file, sizeOf(file));
  });
}

function report(dir) {
  const names = ['a.txt', 'b.txt'];
  printSizes(names);
  return sizesOf(names.map((name) => path.join(dir, name))).join('\n');
}

module.exports = { report, sizesOfListed };

'use strict';
const fs = require('fs');

function sizeOf(file) {
  return fs.statSync(file).size;
}

function lengthOf(file) {
  return fs.readFileSync(file, 'utf8').length;
}

// One call passes a string: `files` is not known to be an array, the callback stays as it is.
function sizesOf(files) {
  const sizes = files.map((file) => sizeOf(file));
  return sizes;
}

function report() {
  return [sizesOf(['a.txt']), sizesOf('b.txt'), totalOf(['c.txt'])];
}

// Exported: callers out of sight may pass anything, although the one in sight passes an array.
function totalOf(files) {
  let total = 0;
  files.forEach((file) => {
    total += lengthOf(file);
  });
  return total;
}

module.exports = { report, totalOf };

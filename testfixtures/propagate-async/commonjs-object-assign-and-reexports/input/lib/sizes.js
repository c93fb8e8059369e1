'use strict';
const fs = require('fs');

const sizes = module.exports = {};

sizes.sizeOf = function (file) {
  return fs.statSync(file).size;
};

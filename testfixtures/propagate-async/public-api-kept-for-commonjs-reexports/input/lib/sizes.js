'use strict';
const fs = require('fs');

exports.sizeOf = function (file) {
  return fs.statSync(file).size;
};

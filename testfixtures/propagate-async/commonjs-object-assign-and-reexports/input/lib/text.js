'use strict';
const fs = require('fs');

var first = exports.first = function (file) {
  return fs.readFileSync(file, 'utf8').split('\n')[0];
};

exports['firstUpper'] = function (file) {
  return exports['first'](file).toUpperCase() + first(file).length;
};

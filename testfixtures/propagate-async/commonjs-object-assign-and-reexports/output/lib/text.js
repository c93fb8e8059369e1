'use strict';
const { readFile } = require('fs/promises');

var first = exports.first = async function (file) {
  return (await readFile(file, 'utf8')).split('\n')[0];
};

exports['firstUpper'] = async function (file) {
  return (await exports['first'](file)).toUpperCase() + (await first(file)).length;
};

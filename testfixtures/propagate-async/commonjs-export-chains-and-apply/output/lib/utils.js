'use strict';
var { readFile } = require('fs/promises');

var parse = exports.parse = function (content) {
  return JSON.parse(content);
};

var file = exports.file = async function () {
  var args = [].slice.call(arguments);
  return await readFile(args.join('/'), 'utf-8');
};

exports.json = async function () {
  var content = await file.apply(null, arguments);
  return content ? parse(content) : null;
};

'use strict';
var fs = require('fs');

var parse = exports.parse = function (content) {
  return JSON.parse(content);
};

var file = exports.file = function () {
  var args = [].slice.call(arguments);
  return fs.readFileSync(args.join('/'), 'utf-8');
};

exports.json = function () {
  var content = file.apply(null, arguments);
  return content ? parse(content) : null;
};

'use strict';
const fs = require('fs');
const util = require('util');

// The ES5 class pattern: `new` returns the object these functions build, so none can be async.
function Store(file) {
  this.data = fs.readFileSync(file, 'utf8');
}

Store.prototype.size = function () {
  return this.data.length;
};

var Cache = exports.Cache = function (dir) {
  Store.call(this, dir + '/index');
  this.entries = fs.readdirSync(dir);
};

util.inherits(Cache, Store);

function Snapshot(file) {
  this.mtime = fs.statSync(file).mtimeMs;
}

exports.snapshot = function (file) {
  return new Snapshot(file);
};

exports.Store = Store;

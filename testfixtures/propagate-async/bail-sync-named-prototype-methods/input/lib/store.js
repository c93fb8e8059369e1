'use strict';
const fs = require('fs');

function Store(file) {
  this.file = file;
}

// Named *Sync on purpose: callers expect a value, not a promise.
Store.prototype.loadSync = function () {
  return JSON.parse(fs.readFileSync(this.file, 'utf8'));
};

Store.prototype['saveSync'] = function (data) {
  fs.writeFileSync(this.file, JSON.stringify(data));
};

module.exports = Store;

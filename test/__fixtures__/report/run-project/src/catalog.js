'use strict';
const fs = require('fs');

class Catalog {
  constructor(file) {
    this.entries = fs.readFileSync(file, 'utf8').split('\n');
  }

  size() {
    return this.entries.length;
  }
}

async function loadCatalogText(file) {
  return fs.readFileSync(file, 'utf8');
}

async function headerOf(file) {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(16);
  fs.readSync(fd, buffer, 0, 16, 0);
  fs.closeSync(fd);
  return buffer.toString('utf8');
}

module.exports = { Catalog, loadCatalogText, headerOf };

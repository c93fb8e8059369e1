'use strict';
const fs = require('fs');

class Store {
  load(file) {
    return fs.readFileSync(file, 'utf8');
  }
}

module.exports = { Store };

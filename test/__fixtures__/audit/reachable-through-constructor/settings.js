'use strict';
const fs = require('fs');

class Settings {
  constructor(file) {
    this.values = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
}

module.exports = { Settings };

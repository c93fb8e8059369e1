'use strict';
const fs = require('fs');

/** Exported for the package's own use, not from its entry point: it may change. */
exports.readText = function (file) {
  return fs.readFileSync(file, 'utf8');
};

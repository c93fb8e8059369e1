'use strict';
const fs = require('fs');

/** Exported for the package's own use, not re-exported by its entry point: it may change. */
exports.readCache = function (file) {
  return fs.readFileSync(file, 'utf8');
};

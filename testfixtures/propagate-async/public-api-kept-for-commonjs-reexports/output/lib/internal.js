'use strict';
const { readFile } = require('fs/promises');

/** Exported for the package's own use, not re-exported by its entry point: it may change. */
exports.readCache = async function (file) {
  return await readFile(file, 'utf8');
};

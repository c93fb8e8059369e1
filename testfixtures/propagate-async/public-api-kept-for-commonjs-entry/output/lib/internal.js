'use strict';
const { readFile } = require('fs/promises');

/** Exported for the package's own use, not from its entry point: it may change. */
exports.readText = async function (file) {
  return await readFile(file, 'utf8');
};

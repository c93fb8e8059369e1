'use strict';
const fs = require('fs');

function readText(file) {
  return fs.readFileSync(file, 'utf8');
}

function readTitle(file) {
  return readText(file).split('\n')[0];
}

// The checker cannot follow these exports: TypeScript callers are resolved through the module's syntax.
Object.assign(module.exports, { readText, readTitle });

'use strict';
const { readFile } = require('fs/promises');

async function readText(file) {
  return await readFile(file, 'utf8');
}

async function readTitle(file) {
  return (await readText(file)).split('\n')[0];
}

// The checker cannot follow these exports: TypeScript callers are resolved through the module's syntax.
Object.assign(module.exports, { readText, readTitle });

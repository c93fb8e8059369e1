'use strict';
const fs = require('fs');

class Commands {
  read(file) {
    return fs.readFileSync(file, 'utf8');
  }

  // `name` is any string: `this[name]` may be read, so read stays sync.
  run(name, file) {
    return this[name](file);
  }
}

const handlers = {
  config(file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  },
};

function handle(kind, file) {
  const result = handlers[kind](file);
  return result;
}

/** @type {Record<string, (file: string) => string>} */
const registry = {
  text(file) {
    return fs.readFileSync(file, 'utf8');
  },
};

// The declared type has only an index signature: the initialiser says what `registry[kind]` may be.
function lookup(kind, file) {
  return registry[kind](file).trim();
}

function readNamed(name) {
  return fs.readFileSync(name, 'utf8');
}

function dispatch(name, file) {
  return exports[name](file).length;
}

function main(file) {
  return new Commands().read(file) + handle('config', file) + readNamed(file) + dispatch('readNamed', file) + registry.text(file) + lookup('text', file);
}

// Awaited already: a computed call whose value is a promise either way pins nothing.
async function runAll(commands, names, file) {
  for (const name of names) await commands[name](file);
}

exports.readNamed = readNamed;
exports.dispatch = dispatch;
exports.main = main;
exports.runAll = runAll;

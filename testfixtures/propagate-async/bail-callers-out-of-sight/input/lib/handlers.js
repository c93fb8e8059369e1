'use strict';
const fs = require('fs');

function loadIndex(dir) {
  return fs.readdirSync(dir);
}

const handlers = { load: loadIndex };

// `h` has no type: h.load() may be handlers.load, that is loadIndex (AM112).
function run(h, dir) {
  return h.load(dir).length;
}

module.exports = { count: (dir) => run(handlers, dir) };

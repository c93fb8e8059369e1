'use strict';

// The entry re-exports read.js and sizes.js: their functions are public API too.
module.exports = { ...require('./read') };
Object.assign(module.exports, require('./sizes'));

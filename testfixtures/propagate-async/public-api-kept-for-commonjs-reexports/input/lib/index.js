'use strict';

// The entry re-exports read.js, store.js and sizes.js: their functions, and the public methods of
// the classes they export, are public API too.
module.exports = { ...require('./read'), ...require('./store') };
Object.assign(module.exports, require('./sizes'));

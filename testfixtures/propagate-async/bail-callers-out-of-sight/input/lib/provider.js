'use strict';

function load(store) {
  return store.loadSync();
}

module.exports = { load };

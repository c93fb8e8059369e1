'use strict';

function load(store) {
  return store.readAll();
}

module.exports = { load };

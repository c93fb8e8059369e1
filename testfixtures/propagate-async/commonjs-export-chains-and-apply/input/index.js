'use strict';
var store = require('./lib/store');

module.exports = function settings(dir) {
  return { text: store.readText(dir, 'README'), settings: store.load(dir, 'settings') };
};

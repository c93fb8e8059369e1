'use strict';
var store = require('./lib/store');

module.exports = async function settings(dir) {
  return { text: await store.readText(dir, 'README'), settings: await store.load(dir, 'settings') };
};

'use strict';
const proxyquire = require('proxyquire');

// A module loaded through proxyquire has no type: this call may reach loadConfig (AM112).
const config = proxyquire('../lib/config', {});
exports.port = function () {
  return config.loadConfig('app.json').port;
};

'use strict';
const { promises: fsp, statSync: stat } = require('node:fs');
const fse = require('fs-extra');
const gfs = require('graceful-fs');
const zlib = require('zlib');

async function inline(p) {
  return require('fs').readFileSync(p, 'utf8');
}

async function destructuredAlias(p) {
  await fsp.access(p);
  return stat(p).size;
}

async function fsExtra(p) {
  return fse.readJsonSync(p);
}

async function graceful(p) {
  return gfs.readFileSync(p);
}

async function realpathNative(p) {
  return require('fs').realpathSync.native(p);
}

async function compress(buffer) {
  return zlib.gzip(buffer, () => {});
}

module.exports = { inline, destructuredAlias, fsExtra, graceful, realpathNative, compress };

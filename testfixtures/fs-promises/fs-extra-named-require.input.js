const { readJsonSync, writeJsonSync, readJson } = require('fs-extra');

async function bump(file) {
  const current = await readJson(file);
  const pkg = readJsonSync(file);
  pkg.version = current.version + '.1';
  writeJsonSync(file, pkg, { spaces: 2 });
}

module.exports = { bump };

const { readJson, writeJson } = require('fs-extra');

async function bump(file) {
  const current = await readJson(file);
  const pkg = await readJson(file);
  pkg.version = current.version + '.1';
  await writeJson(file, pkg, { spaces: 2 });
}

module.exports = { bump };

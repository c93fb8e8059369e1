async function version() {
  const pkg = JSON.parse(await require('fs/promises').readFile('package.json', 'utf8'));
  return pkg.version;
}

module.exports = { version };

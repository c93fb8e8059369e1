async function version() {
  const pkg = JSON.parse(require('fs').readFileSync('package.json', 'utf8'));
  return pkg.version;
}

module.exports = { version };

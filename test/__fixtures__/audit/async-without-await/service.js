const { readFile } = require('fs/promises');

async function version() {
  const v = '1.0.0';
  console.log(v);
}

async function readConfig(path) {
  return readFile(path, 'utf8');
}

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function noop() {}

class Store {
  async size() {
    return 1 + 1;
  }

  async keys() {
    for await (const line of []) console.log(line);
  }
}

module.exports = {
  version,
  readConfig,
  readJson,
  noop,
  Store,
  register: (app) => app.get('/', async (req, res) => res.send('ok')),
};

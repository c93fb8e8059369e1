async function readItem(id) {
  return id;
}

class Loader {
  async load(id) {
    return await readItem(id);
  }

  loadField = async (id) => await readItem(id);
}

class CachedLoader extends Loader {
  async load(id) {
    return 'cached:' + id;
  }
}

module.exports = { Loader, CachedLoader };

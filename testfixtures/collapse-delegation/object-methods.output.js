async function load(id) {
  return { id };
}

const store = {
  get(id) {
    return load(id);
  },
  fetch: (id) => load(id),
  ['computed'](id) { return load(id); },
};

module.exports = store;

async function load(id) {
  return { id };
}

const store = {
  async get(id) {
    return await load(id);
  },
  fetch: async (id) => await load(id),
  async ['computed'](id) { return load(id); },
};

module.exports = store;

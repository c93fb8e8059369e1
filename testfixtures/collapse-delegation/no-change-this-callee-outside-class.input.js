// In a plain function or an object literal method, `this` is whatever the caller passes.
function Service() {}
Service.prototype.load = async function load(id) {
  return await this.fetch(id);
};

const api = {
  async fetch(id) {
    return { id };
  },
  async get(id) {
    return await this.fetch(id);
  },
};

module.exports = { Service, api };

async function poll(id) {
  return await poll(id);
}

class Poller {
  async tick(id) {
    return this.tick(id);
  }
}

module.exports = { poll, poller: new Poller() };

// The class is passed around as a value: code elsewhere may subclass it.
class Registry {
  async lookup(name) {
    return name;
  }

  async get(name) {
    return await this.lookup(name);
  }
}
module.exports = Registry;

// The file assigns a property named `read`: it may shadow the method.
class Store {
  async read(key) {
    return key;
  }

  async get(key) {
    return await this.read(key);
  }
}
const store = new Store();
store.read = (key) => key.toUpperCase();

// Object.assign(this, options) may give the instance an own `open`.
class Conn {
  constructor(options) {
    Object.assign(this, options);
  }

  async open(url) {
    return url;
  }

  async connect(url) {
    return await this.open(url);
  }
}

module.exports.make = () => [store, new Conn({})];

class Base {
  async load(id: string): Promise<string> {
    return id;
  }
}

// Private methods cannot be overridden or implement an interface member: no method family.
export class Derived extends Base {
  async #fetch(id: string): Promise<string> {
    return id.trim();
  }

  #get(id: string): Promise<string> {
    return this.#fetch(id);
  }

  override async load(id: string): Promise<string> {
    return this.#get(id);
  }
}

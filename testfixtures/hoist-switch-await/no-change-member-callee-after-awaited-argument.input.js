export class Store {
  async get(kind, id) {
    switch (kind) {
      case 'fresh':
        return await this.db.get(await this.resolve(id));
      case 'cached':
        return await this.db.get(await this.cache.key(id));
      default:
        throw new Error(kind);
    }
  }
}

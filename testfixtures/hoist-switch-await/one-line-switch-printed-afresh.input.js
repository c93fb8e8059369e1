export const store = {
  async read(kind) { switch (kind) { case 'a': return await this.load('a.json'); default: return await this.load('other.json'); } },
};

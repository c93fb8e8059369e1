export const store = {
  async read(kind) {
    let loadArg;
    switch (kind) {
    case 'a':
      loadArg = 'a.json';
      break;
    default:
      loadArg = 'other.json';
      break;
    }
    return await this.load(loadArg);
  },
};

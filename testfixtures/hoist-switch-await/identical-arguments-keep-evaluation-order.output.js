export class Events {
  async post(kind, body) {
    const url = this.base + '/events';
    let requestArg2;
    let requestArg3;
    switch (kind) {
      case 'created':
        requestArg2 = this.token;
        requestArg3 = { type: 'created', body: serialize(body) };
        break;
      case 'deleted':
        requestArg2 = this.token;
        requestArg3 = { type: 'deleted' };
        break;
      default:
        throw new Error(kind);
    }
    return await request(url, requestArg2, requestArg3, 'json');
  }
}

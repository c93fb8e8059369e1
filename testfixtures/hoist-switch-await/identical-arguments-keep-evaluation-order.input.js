export class Events {
  async post(kind, body) {
    const url = this.base + '/events';
    switch (kind) {
      case 'created':
        return await request(url, this.token, { type: 'created', body: serialize(body) }, 'json');
      case 'deleted':
        return await request(url, this.token, { type: 'deleted' }, 'json');
      default:
        throw new Error(kind);
    }
  }
}

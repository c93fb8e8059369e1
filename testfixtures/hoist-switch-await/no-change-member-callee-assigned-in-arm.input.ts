export class Client {
  private transport: { send(path: string): Promise<string> } = { send: async (p) => p };

  async call(secure: boolean, path: string) {
    if (secure) {
      this.transport = makeTlsTransport();
      return await this.transport.send(path + '?tls=1');
    } else {
      return await this.transport.send(path);
    }
  }
}

declare function makeTlsTransport(): { send(path: string): Promise<string> };

// Exported: a subclass in another file may override fetch with a non-async method.
export class Client {
  async fetch(url: string): Promise<string> {
    return url;
  }

  async get(url: string): Promise<string> {
    return await this.fetch(url);
  }
}

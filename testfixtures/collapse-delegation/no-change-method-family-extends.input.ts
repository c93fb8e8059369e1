async function fetchJson(url: string): Promise<unknown> {
  return { url };
}

class BaseClient {
  async get(url: string): Promise<unknown> {
    return { url };
  }
}

export class JsonClient extends BaseClient {
  override async get(url: string): Promise<unknown> {
    return await fetchJson(url);
  }
}

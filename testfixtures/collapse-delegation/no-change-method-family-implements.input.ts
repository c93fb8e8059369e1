interface Loader {
  load(id: string): Promise<string>;
}

async function readItem(id: string): Promise<string> {
  return id;
}

export class FileLoader implements Loader {
  async load(id: string): Promise<string> {
    return await readItem(id);
  }
}

export abstract class AbstractLoader {
  async load(id: string): Promise<string> {
    return await readItem(id);
  }
}

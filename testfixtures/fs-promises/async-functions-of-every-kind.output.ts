import { readFile } from 'fs/promises';

export const arrow = async (file: string) => await readFile(file, 'utf8');

export const expression = async function (file: string) {
  return await readFile(file, 'utf8');
};

export class Reader {
  async read(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  }

  static async readStatic(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  }

  async #readPrivate(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  }

  async *lines(file: string): AsyncGenerator<string> {
    yield* (await readFile(file, 'utf8')).split('\n');
  }
}

export const api = {
  async read(file: string): Promise<string> {
    return await readFile(file, 'utf8');
  },
};

export default async function (file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

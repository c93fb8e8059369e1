import readDefault, { readArrow, readExpression } from './read';

function logged(_target: object, _key: string, descriptor: PropertyDescriptor) {
  return descriptor;
}

export class Repository {
  static async create(file: string) {
    return readArrow(file);
  }

  @logged
  public async load<T>(file: string): Promise<T> {
    return JSON.parse(await readDefault(file)) as T;
  }

  async #secret(file: string) {
    return readExpression(file);
  }

  async reveal(file: string) {
    return (await this.#secret(file)).length;
  }
}

export const helpers = {
  async size(file: string) {
    return (await readArrow(file)).length;
  },
  first: async (file: string) => (await readArrow(file))[0],
};

export const banner = async (file: string) => (async () => `== ${await readExpression(file)} ==`)();

export default async (file: string) => (await readDefault(file)).toUpperCase();

import readDefault, { readArrow, readExpression } from './read';

function logged(_target: object, _key: string, descriptor: PropertyDescriptor) {
  return descriptor;
}

export class Repository {
  static create(file: string) {
    return readArrow(file);
  }

  @logged
  public load<T>(file: string): T {
    return JSON.parse(readDefault(file)) as T;
  }

  #secret(file: string) {
    return readExpression(file);
  }

  reveal(file: string) {
    return this.#secret(file).length;
  }
}

export const helpers = {
  size(file: string) {
    return readArrow(file).length;
  },
  first: (file: string) => readArrow(file)[0],
};

export const banner = (file: string) => (() => `== ${readExpression(file)} ==`)();

export default (file: string) => readDefault(file).toUpperCase();

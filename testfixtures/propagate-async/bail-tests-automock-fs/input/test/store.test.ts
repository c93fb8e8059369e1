import { hasStore, readStore, Store } from '../src/store';

declare const jest: { mock(module: string): void };
declare function test(name: string, body: () => void | Promise<void>): void;

jest.mock('fs');

test('reads the store', () => {
  new Store();
  hasStore('a.json');
  readStore('a.json');
});

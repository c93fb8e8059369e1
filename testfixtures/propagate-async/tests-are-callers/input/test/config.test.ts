import assert from 'node:assert';
import { loadConfig } from '../src/config';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function expect(value: unknown): any;

describe('loadConfig', () => {
  let port = 0;

  beforeEach(() => {
    port = loadConfig('fixtures/ok.json').port;
  });

  it('reads the port', () => {
    expect(loadConfig('fixtures/ok.json').port).toBe(port);
  });

  it('throws for a missing file', () => {
    expect(() => loadConfig('missing.json')).toThrow(/missing/);
    assert.throws(() => loadConfig('missing.json'), /missing/);
  });

  it('is chained with then', () => {
    return Promise.resolve('fixtures/ok.json').then((file) => {
      assert.equal(loadConfig(file).port, port);
    });
  });
});

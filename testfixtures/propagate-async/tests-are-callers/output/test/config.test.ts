import assert from 'node:assert';
import { loadConfig } from '../src/config';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function expect(value: unknown): any;

describe('loadConfig', () => {
  let port = 0;

  beforeEach(async () => {
    port = (await loadConfig('fixtures/ok.json')).port;
  });

  it('reads the port', async () => {
    expect((await loadConfig('fixtures/ok.json')).port).toBe(port);
  });

  it('throws for a missing file', async () => {
    await expect(loadConfig('missing.json')).rejects.toThrow(/missing/);
    await assert.rejects(async () => loadConfig('missing.json'), /missing/);
  });

  it('is chained with then', () => {
    return Promise.resolve('fixtures/ok.json').then(async (file) => {
      assert.equal((await loadConfig(file)).port, port);
    });
  });
});

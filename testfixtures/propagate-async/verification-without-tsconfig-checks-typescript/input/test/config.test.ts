import * as config from '../src/config';

declare const jest: {
  spyOn<T, K extends keyof T>(object: T, method: K): { mockReturnValue(value: T[K] extends (...args: never[]) => infer R ? R : never): void };
};
declare function test(name: string, body: () => void | Promise<void>): void;

test('uses the mocked port', () => {
  jest.spyOn(config, 'loadConfig').mockReturnValue({ port: 8080 });
});

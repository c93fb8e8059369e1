import * as fs from 'fs';
import { loadConfig } from '../src/config';

declare const jest: { spyOn(object: object, method: string): { mockReturnValue(value: unknown): void } };
declare function test(name: string, body: () => void | Promise<void>): void;
declare function expect(value: unknown): { toEqual(value: unknown): void };

test('reads the port', () => {
  jest.spyOn(fs, 'readFileSync').mockReturnValue('{"port":8080}');
  expect(loadConfig('app.json')).toEqual({ port: 8080 });
});

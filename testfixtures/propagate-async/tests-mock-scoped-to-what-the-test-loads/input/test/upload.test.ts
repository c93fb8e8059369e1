import { saveUpload } from '../src/upload';

declare const jest: { mock(module: string, factory?: () => unknown): void; fn(): () => void };
declare function test(name: string, body: () => void | Promise<void>): void;

jest.mock('fs-extra', () => ({ writeFileSync: jest.fn() }));

test('saves the upload', () => {
  saveUpload('a.txt', 'data');
});

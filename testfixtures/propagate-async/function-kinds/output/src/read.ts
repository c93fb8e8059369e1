import { readFile } from 'fs/promises';

export default async function readDefault(file: string): Promise<string> {
  return await readFile(file, 'utf8');
}

export const readArrow = async (file: string): Promise<string> =>
  await readFile(file, 'utf8');

export const readExpression = async function (file: string): Promise<string> {
  return await readFile(file, 'utf8');
};

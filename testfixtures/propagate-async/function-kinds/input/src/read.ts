import { readFileSync as read } from 'fs';

export default function readDefault(file: string): string {
  return read(file, 'utf8');
}

export const readArrow = (file: string): string => read(file, 'utf8');

export const readExpression = function (file: string): string {
  return read(file, 'utf8');
};

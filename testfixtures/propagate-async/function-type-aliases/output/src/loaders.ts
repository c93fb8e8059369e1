import { readFile } from 'fs/promises';

// Every function annotated with the alias, and every parameter of its type, changes with it.
export type Loader = (file: string) => Promise<string>;

export const loadText: Loader = async (file) => await readFile(file, 'utf8');

export const loadUpper: Loader = async (file) => (await loadText(file)).toUpperCase();

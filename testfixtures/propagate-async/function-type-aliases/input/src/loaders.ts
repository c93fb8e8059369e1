import { readFileSync } from 'fs';

// Every function annotated with the alias, and every parameter of its type, changes with it.
export type Loader = (file: string) => string;

export const loadText: Loader = (file) => readFileSync(file, 'utf8');

export const loadUpper: Loader = (file) => loadText(file).toUpperCase();

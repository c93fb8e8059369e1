// Reads the catalog.
import { readFile } from 'fs/promises' // sync on purpose
import path from 'path'

export const lines = (await readFile(path.join('data', 'catalog.txt'), 'utf8'))
  .split('\n')
  .map((line) => line.trim())

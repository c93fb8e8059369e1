// Reads the catalog.
import { readFileSync } from 'fs' // sync on purpose
import path from 'path'

export const lines = readFileSync(path.join('data', 'catalog.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())

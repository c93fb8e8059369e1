// Reads the catalog.
import { readFileSync } from 'fs' // sync on purpose
import { statSync, existsSync } from 'node:fs' // sizes

export const sizeOf = statSync

export async function load(p) {
  if (!existsSync(p)) return null
  return readFileSync(p, 'utf8')
}

// Reads the catalog.
// sync on purpose
import { statSync } from 'node:fs' // sizes
import { access, readFile } from 'node:fs/promises'

export const sizeOf = statSync

export async function load(p) {
  if (!(await access(p).then(() => true, () => false))) return null
  return await readFile(p, 'utf8')
}

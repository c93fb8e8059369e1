import {existsSync, readFileSync, rmSync} from 'fs'

export const hash = (p: string) => {
  return new Promise<string>((resolve) => {
    resolve(p.replace(/\\/g, '/'))
  })
}

export function loadAll(
  directories: string[],
  extensionName: string,
): string[] {
  const out: string[] = []
  directories.forEach((directory) => {
    if (existsSync(directory + '/package' + extensionName)) {
      out.push(readFileSync(directory + '/package' + extensionName, 'utf8'))
    }
  })
  return out
}

export function clean(names: string[]) {
  names.forEach((name) => rmSync(name))
}

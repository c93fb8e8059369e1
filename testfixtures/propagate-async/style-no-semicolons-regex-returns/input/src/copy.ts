import * as fs from 'fs'

export const hash = (p: string) => {
  return new Promise<string>((resolve) => {
    resolve(p.replace(/\\/g, '/'))
  })
}

export function isJson(p: string) {
  return /\.json$/.test(p)
}

export const clean = (names: string[], dir: string) => {
  const x = 1
  names.forEach((name) => {
    fs.rmSync(dir + '/' + name)
  })
  return x
}

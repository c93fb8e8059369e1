import { rm } from 'fs/promises'

export const hash = (p: string) => {
  return new Promise<string>((resolve) => {
    resolve(p.replace(/\\/g, '/'))
  })
}

export function isJson(p: string) {
  return /\.json$/.test(p)
}

export const clean = async (names: string[], dir: string) => {
  const x = 1
  for (const name of names) {
    await rm(dir + '/' + name)
  }
  return x
}

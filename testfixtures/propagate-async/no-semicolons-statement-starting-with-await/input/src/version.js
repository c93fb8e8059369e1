import { readFileSync } from 'fs'

export function getVersion () {
  return JSON.parse(readFileSync('package.json', 'utf-8')).version
}

export async function report (exec) {
  await exec('npm version patch')
  getVersion().split('.').forEach((part) => console.log(part))
}

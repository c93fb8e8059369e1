import { readFile } from 'fs/promises'

export async function getVersion () {
  return JSON.parse(await readFile('package.json', 'utf-8')).version
}

export async function report (exec) {
  await exec('npm version patch')
  ;(await getVersion()).split('.').forEach((part) => console.log(part))
}

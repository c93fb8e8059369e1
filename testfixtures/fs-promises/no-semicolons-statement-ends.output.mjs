import { stat, access, readFile } from 'fs/promises'

export async function size(p) {
  return (await stat(p)).size
}

export async function describe(p) {
  const s = (await stat(p)).size
  if (await access(p).then(() => true, () => false)) {
    console.log('exists')
  }
  log(await readFile(p))
  const t = `${await readFile(p, 'utf8')}`
  let x
  x = (await readFile(p)).toString()
  ;(await readFile(p)).toString()
  function helper() {}
  (await readFile(p)).toString()
  ;(await readFile(p)).length > 0 && log(x)
  return s + t
}

function log(value) {
  console.log(value)
}

export async function strict(p) {
  'use strict'
  ;(await readFile(p)).toString()
}

import { statSync, readFileSync, existsSync } from 'fs'

export async function size(p) {
  return statSync(p).size
}

export async function describe(p) {
  const s = statSync(p).size
  if (existsSync(p)) {
    console.log('exists')
  }
  log(readFileSync(p))
  const t = `${readFileSync(p, 'utf8')}`
  let x
  x = readFileSync(p).toString()
  readFileSync(p).toString()
  function helper() {}
  readFileSync(p).toString()
  readFileSync(p).length > 0 && log(x)
  return s + t
}

function log(value) {
  console.log(value)
}

export async function strict(p) {
  'use strict'
  readFileSync(p).toString()
}

'use strict'

const {
	statSync, // used as a value below
} = require('fs')
const { access, readFile } = require('fs/promises')
const {
	copySync,
	readJson,
} = require('fs-extra')

exports.sizeOf = statSync

exports.load = async function load(path) {
	if (!(await access(path).then(() => true, () => false))) return null
	const data = await readJson(path)
	return { data, text: await readFile(path, 'utf8'), copy: copySync }
}

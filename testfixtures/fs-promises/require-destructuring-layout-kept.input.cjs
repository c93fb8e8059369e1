'use strict'

const {
	readFileSync: readText,
	statSync, // used as a value below
	existsSync,
} = require('fs')
const {
	readJsonSync,
	copySync,
} = require('fs-extra')

exports.sizeOf = statSync

exports.load = async function load(path) {
	if (!existsSync(path)) return null
	const data = readJsonSync(path)
	return { data, text: readText(path, 'utf8'), copy: copySync }
}

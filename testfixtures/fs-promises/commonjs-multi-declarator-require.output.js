"use strict";

//------------------------------------------------------------------------------
// Requirements
//------------------------------------------------------------------------------

const { mkdir, stat, access } = require("node:fs/promises"),
	path = require("node:path");

async function ensureCache(dir) {
	if (!(await access(dir).then(() => true, () => false))) {
		await mkdir(dir, { recursive: true });
	}
	return stat(path.join(dir, "."));
}

module.exports = { ensureCache };

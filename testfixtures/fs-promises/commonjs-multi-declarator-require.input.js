"use strict";

//------------------------------------------------------------------------------
// Requirements
//------------------------------------------------------------------------------

const fs = require("node:fs"),
	{ mkdir, stat } = require("node:fs/promises"),
	path = require("node:path");

async function ensureCache(dir) {
	if (!fs.existsSync(dir)) {
		await mkdir(dir, { recursive: true });
	}
	return stat(path.join(dir, "."));
}

module.exports = { ensureCache };

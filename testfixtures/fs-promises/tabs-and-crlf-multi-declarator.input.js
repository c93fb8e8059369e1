const fs = require("fs"),
	{ writeFile } = require("fs/promises");

async function save(dir, text) {
	if (!fs.existsSync(dir)) {
		fs.mkdirSync(dir, { recursive: true });
	}
	const old = fs.statSync(dir, { throwIfNoEntry: false });
	await writeFile(dir + "/out.txt", text);
	return old;
}

module.exports = { save };

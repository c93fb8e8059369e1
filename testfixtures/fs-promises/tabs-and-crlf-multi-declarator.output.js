const { writeFile, access, mkdir, stat } = require("fs/promises");

async function save(dir, text) {
	if (!(await access(dir).then(() => true, () => false))) {
		await mkdir(dir, { recursive: true });
	}
	const old = await stat(dir).catch((error) => {
		if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
		throw error;
	});
	await writeFile(dir + "/out.txt", text);
	return old;
}

module.exports = { save };

const { readFile } = require("fs/promises");

// Indented with spaces, except one function indented with tabs.
async function first(p) {
  return await readFile(p, "utf8");
}

async function second(p) {
	if (p) {
		return (await readFile(p,
			"utf8")).trim();
	}
	return "";
}

module.exports = { first, second };

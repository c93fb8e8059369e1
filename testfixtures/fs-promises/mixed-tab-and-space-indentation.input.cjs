const fs = require("fs");

// Indented with spaces, except one function indented with tabs.
async function first(p) {
  return fs.readFileSync(p, "utf8");
}

async function second(p) {
	if (p) {
		return fs.readFileSync(p,
			"utf8").trim();
	}
	return "";
}

module.exports = { first, second };

async function pick(kind, load) {
	let loadArg;
	switch (kind) {
		case 1:
			loadArg = "one";
			break;
		case 2:
			loadArg = "two";
			break;
		default:
			throw new Error("bad kind");
	}
	return await load(loadArg);
}

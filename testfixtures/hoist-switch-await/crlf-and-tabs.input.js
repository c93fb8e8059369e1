async function pick(kind, load) {
	switch (kind) {
		case 1:
			return await load("one");
		case 2:
			return await load("two");
		default:
			throw new Error("bad kind");
	}
}

// CRLF line endings, tabs and odd spacing survive
async function inner(a, b) {
	return a + b;
}

async   function   outer( a, b )   {
	/* before */ return /* between */ await   inner( a, b ) ;  // after
}

const multi = async (
	a,
	b,
) =>
	await inner(
		a, // first
		b,
	);

async function nextLine(a) {
	return await
		inner(a, 1);
}

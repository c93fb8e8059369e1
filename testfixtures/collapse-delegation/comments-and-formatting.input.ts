// CRLF line endings, tabs and odd spacing survive
async function inner(a: number, b: number): Promise<number> {
	return a + b;
}

async   function   outer( a: number, b: number )   {
	/* before */ return /* between */ await   inner( a, b ) ;  // after
}

const multi = async (
	a: number,
	b: number,
) =>
	await inner(
		a, // first
		b,
	);

async function nextLine(a: number) {
	return await
		inner(a, 1);
}

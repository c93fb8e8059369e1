// CRLF line endings, tabs and odd spacing survive
async function inner(a: number, b: number): Promise<number> {
	return a + b;
}

function   outer( a: number, b: number )   {
	/* before */ return /* between */ inner( a, b ) ;  // after
}

const multi = (
	a: number,
	b: number,
) =>
	inner(
		a, // first
		b,
	);

function nextLine(a: number) {
	return inner(a, 1);
}

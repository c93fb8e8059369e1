// CRLF line endings, tabs and odd spacing survive
async function inner(a, b) {
	return a + b;
}

function   outer( a, b )   {
	/* before */ return /* between */ inner( a, b ) ;  // after
}

const multi = (
	a,
	b,
) =>
	inner(
		a, // first
		b,
	);

function nextLine(a) {
	return inner(a, 1);
}

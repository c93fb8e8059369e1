import { readFile, writeFile } from 'fs/promises';

async function size(file: string): Promise<number> {
	return (await readFile(file)).length;
}

async function save(file: string, text: string): Promise<void> {
	await writeFile(file, text);
}

export async function saveAll(files: Record<string, string>): Promise<void> {
	const names = Object.keys(files);
	for (const name of names) {
		await save(name, files[name]);
	}
	console.log(names.length);
}

export async function sizes(files: string[]): Promise<number[]> {
	return await Promise.all(files.map(async (f) => size(f)));
}

export async function nonEmpty(files: string[]): Promise<string[]> {
	const found = await Promise.all(
		files.map(async (f) => (await size(f)) > 0)
	).then((settled) => files.filter((_item, index) => settled[index]));
	return found;
}

export function untouched(p: string): boolean {
	return /\.json$/.test(p);
}

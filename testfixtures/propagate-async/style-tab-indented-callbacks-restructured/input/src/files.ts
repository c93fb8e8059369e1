import { readFileSync, writeFileSync } from 'fs';

function size(file: string): number {
	return readFileSync(file).length;
}

function save(file: string, text: string): void {
	writeFileSync(file, text);
}

export function saveAll(files: Record<string, string>): void {
	const names = Object.keys(files);
	names.forEach((name) => {
		save(name, files[name]);
	});
	console.log(names.length);
}

export function sizes(files: string[]): number[] {
	return files.map((f) => size(f));
}

export function nonEmpty(files: string[]): string[] {
	const found = files.filter((f) => size(f) > 0);
	return found;
}

export function untouched(p: string): boolean {
	return /\.json$/.test(p);
}

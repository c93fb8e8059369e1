import { readText } from "./read";

export class Reader {
	async read(file: string): Promise<string> {
		if (file) {
			return (await readText(file)).trim();
		}
		return "";
	}
}

import { readText } from "./read";

export class Reader {
	read(file: string): string {
		if (file) {
			return	readText(file).trim();
		}
		return "";
	}
}

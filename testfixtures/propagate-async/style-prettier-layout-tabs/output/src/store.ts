import { access, readdir, stat } from 'fs/promises';
import { join } from 'path';

const configDirectory = join(process.cwd(), 'node_modules', '.cache', 'store');

export async function hasConfiguration(name: string): Promise<boolean> {
	return await access(join(configDirectory, 'config', name, 'all.json')).then(
		() => true,
		() => false,
	);
}

export async function loadNames(directory: string): Promise<string[]> {
	if (
		await access(join(configDirectory, 'config', directory, 'n.json')).then(
			() => true,
			() => false,
		)
	) {
		return await readdir(join(configDirectory, directory));
	}
	return [];
}

export async function expandDirectories(
	matchedPaths: string[],
): Promise<string[]> {
	const files = (
		await Promise.all(
			matchedPaths.map(async (matched) => {
				if ((await stat(matched)).isDirectory()) {
					return (await readdir(matched)).map((file) =>
						join(matched, file),
					);
				}
				return matched;
			}),
		)
	).flat();
	return files;
}

export async function regularFiles(matchedPaths: string[]): Promise<string[]> {
	const files = await Promise.all(
		matchedPaths.map(async (matched) => (await stat(matched)).isFile()),
	).then((settled) => matchedPaths.filter((_item, index) => settled[index]));
	return files;
}

export const describeInstallation = async (
	packageName: string,
	dir: string,
) => {
	return `${packageName}: ${(await readdir(dir)).length}`;
};

export function untouched(
	firstArgumentWithALongName: string,
	secondArgumentWithALongName: string,
): string {
	return firstArgumentWithALongName + secondArgumentWithALongName;
}

export async function isReady(
	directory: string,
	force: boolean,
): Promise<boolean> {
	if (
		force ||
		!directory ||
		(await access(join(directory, 'ready.json')).then(
			() => true,
			() => false,
		))
	) {
		return true;
	}
	return force;
}

import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

const configDirectory = join(process.cwd(), 'node_modules', '.cache', 'store');

export function hasConfiguration(name: string): boolean {
    return existsSync(join(configDirectory, 'config', name, 'all.json'));
}

export function loadNames(directory: string): string[] {
    if (existsSync(join(configDirectory, 'config', directory, 'n.json'))) {
        return readdirSync(join(configDirectory, directory));
    }
    return [];
}

export function expandDirectories(matchedPaths: string[]): string[] {
    const files = matchedPaths.flatMap((matched) => {
        if (statSync(matched).isDirectory()) {
            return readdirSync(matched).map((file) => join(matched, file));
        }
        return matched;
    });
    return files;
}

export function regularFiles(matchedPaths: string[]): string[] {
    const files = matchedPaths.filter((matched) => statSync(matched).isFile());
    return files;
}

export const describeInstallation = (packageName: string, dir: string) => {
    return `${packageName}: ${readdirSync(dir).length}`;
};

export function untouched(
    firstArgumentWithALongName: string,
    secondArgumentWithALongName: string
): string {
    return firstArgumentWithALongName + secondArgumentWithALongName;
}

export function isReady(directory: string, force: boolean): boolean {
    if (force || !directory || existsSync(join(directory, 'ready.json'))) {
        return true;
    }
    return force;
}

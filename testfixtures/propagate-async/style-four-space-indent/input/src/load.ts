import { existsSync, readFileSync } from 'fs';

export function load(dirs: string[]): string[] {
    const out: string[] = [];
    dirs.forEach((dir) => {
        if (existsSync(dir + '/a.json')) {
            out.push(readFileSync(dir + '/a.json', 'utf8'));
        }
    });
    return out;
}

export function ext(p: string): boolean {
    return /\.ts$/.test(p);
}

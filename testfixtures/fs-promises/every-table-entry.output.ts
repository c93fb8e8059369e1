import { access, appendFile, chmod, chown, copyFile, cp, lchown, lutimes, link, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rename, rm, rmdir, stat, statfs, symlink, truncate, unlink, utimes, writeFile } from 'fs/promises';

export async function everything(a: string, b: string): Promise<unknown[]> {
  return [
    await access(a),
    await appendFile(a, 'x'),
    await chmod(a, 0o644),
    await chown(a, 1000, 1000),
    await copyFile(a, b),
    await cp(a, b, { recursive: true }),
    await lchown(a, 1000, 1000),
    await lutimes(a, 1, 1),
    await link(a, b),
    await lstat(a),
    await mkdir(a, { recursive: true }),
    await mkdtemp(a),
    await readdir(a, { withFileTypes: true }),
    await readFile(a),
    await readlink(a),
    await realpath(a),
    await realpath(a),
    await rename(a, b),
    await rm(a, { force: true }),
    await rmdir(a),
    await stat(a),
    await statfs(a),
    await symlink(a, b),
    await truncate(a, 0),
    await unlink(a),
    await utimes(a, 1, 1),
    await writeFile(a, 'x'),
    await access(a).then(() => true, () => false),
  ];
}

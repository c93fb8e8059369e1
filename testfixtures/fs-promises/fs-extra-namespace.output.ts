import fse from 'fs-extra';

export async function publish(dir: string, out: string): Promise<boolean> {
  const pkg = await fse.readJson(`${dir}/package.json`);
  await fse.ensureDir(out);
  await fse.emptyDir(out);
  await fse.copy(dir, out);
  await fse.outputFile(`${out}/VERSION`, pkg.version);
  await fse.writeJson(`${out}/meta.json`, { name: pkg.name });
  await fse.move(`${out}/old`, `${out}/new`, { overwrite: true });
  await fse.remove(`${out}/tmp`);
  const text = await fse.readFile(`${out}/VERSION`, 'utf8');
  return (await fse.pathExists(out)) && (await fse.pathExists(text));
}

import fse from 'fs-extra';

export async function publish(dir: string, out: string): Promise<boolean> {
  const pkg = fse.readJsonSync(`${dir}/package.json`);
  fse.ensureDirSync(out);
  fse.emptyDirSync(out);
  fse.copySync(dir, out);
  fse.outputFileSync(`${out}/VERSION`, pkg.version);
  fse.writeJsonSync(`${out}/meta.json`, { name: pkg.name });
  fse.moveSync(`${out}/old`, `${out}/new`, { overwrite: true });
  fse.removeSync(`${out}/tmp`);
  const text = fse.readFileSync(`${out}/VERSION`, 'utf8');
  return fse.pathExistsSync(out) && fse.existsSync(text);
}

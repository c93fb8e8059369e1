import * as fs from 'fs';

export async function everything(a: string, b: string): Promise<unknown[]> {
  return [
    fs.accessSync(a),
    fs.appendFileSync(a, 'x'),
    fs.chmodSync(a, 0o644),
    fs.chownSync(a, 1000, 1000),
    fs.copyFileSync(a, b),
    fs.cpSync(a, b, { recursive: true }),
    fs.lchownSync(a, 1000, 1000),
    fs.lutimesSync(a, 1, 1),
    fs.linkSync(a, b),
    fs.lstatSync(a),
    fs.mkdirSync(a, { recursive: true }),
    fs.mkdtempSync(a),
    fs.readdirSync(a, { withFileTypes: true }),
    fs.readFileSync(a),
    fs.readlinkSync(a),
    fs.realpathSync(a),
    fs.realpathSync.native(a),
    fs.renameSync(a, b),
    fs.rmSync(a, { force: true }),
    fs.rmdirSync(a),
    fs.statSync(a),
    fs.statfsSync(a),
    fs.symlinkSync(a, b),
    fs.truncateSync(a, 0),
    fs.unlinkSync(a),
    fs.utimesSync(a, 1, 1),
    fs.writeFileSync(a, 'x'),
    fs.existsSync(a),
  ];
}

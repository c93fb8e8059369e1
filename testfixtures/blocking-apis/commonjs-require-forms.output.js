const cp = require('child_process');
const util = require('util');
const scryptAsync = util.promisify(require('crypto').scrypt);
const { createHash } = require('crypto');

const execAsync = util.promisify(cp.exec);

async function status(dir) {
  const head = (await execAsync('git status --short', { cwd: dir, encoding: 'utf8' })).stdout;
  const digest = createHash('sha1').update(head).digest('hex');
  const key = await scryptAsync(digest, 'salt', 16);
  return { head, digest, key, listed: await execAsync('ls') };
}

module.exports = { status };

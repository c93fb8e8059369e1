const cp = require('child_process');
const util = require('util');
const { createHash } = require('crypto');

const execAsync = util.promisify(cp.exec);

async function status(dir) {
  const head = cp.execSync('git status --short', { cwd: dir, encoding: 'utf8' });
  const digest = createHash('sha1').update(head).digest('hex');
  const key = require('crypto').scryptSync(digest, 'salt', 16);
  return { head, digest, key, listed: await execAsync('ls') };
}

module.exports = { status };

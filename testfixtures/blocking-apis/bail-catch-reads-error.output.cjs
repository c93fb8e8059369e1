const { execSync, exec } = require('node:child_process');
const { promisify } = require('node:util');
const execAsync = promisify(exec);

async function exitCode(command) {
  try {
    execSync(command);
    return 0;
  } catch (error) {
    return error.status;
  }
}

async function rethrows(command) {
  try {
    return (await execAsync(command, { encoding: 'utf8' })).stdout;
  } catch (error) {
    throw error;
  }
}

module.exports = { exitCode, rethrows };

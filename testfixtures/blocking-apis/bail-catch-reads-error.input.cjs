const { execSync } = require('node:child_process');

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
    return execSync(command, { encoding: 'utf8' });
  } catch (error) {
    throw error;
  }
}

module.exports = { exitCode, rethrows };

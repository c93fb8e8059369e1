'use strict';
const { execSync } = require('child_process');

async function retry(task, attempts) {
  for (let i = 0; i < attempts; i++) {
    if (await task()) return true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * i);
  }
  execSync('sleep 1');
  setTimeout(() => console.log('done'), 0);
  return false;
}

module.exports = { retry };

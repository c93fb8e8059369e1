'use strict';
const { setTimeout: sleep } = require('timers/promises');

async function retry(task, attempts) {
  for (let i = 0; i < attempts; i++) {
    if (await task()) return true;
    await sleep(100 * i);
  }
  await sleep(1000);
  setTimeout(() => console.log('done'), 0);
  return false;
}

module.exports = { retry };

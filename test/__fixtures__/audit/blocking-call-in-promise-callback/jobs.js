const fs = require('fs');
const { spawnSync } = require('node:child_process');

function startJob(queue) {
  return queue
    .next()
    .then((job) => {
      const spec = JSON.parse(fs.readFileSync(job.specPath, 'utf8'));
      return spec;
    })
    .catch(function (error) {
      spawnSync('logger', [String(error)]);
    })
    .finally(() => fs.writeFile('last-run', String(Date.now()), () => {}));
}

module.exports = { startJob };

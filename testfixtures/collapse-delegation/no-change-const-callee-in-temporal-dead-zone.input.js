// `handle` is hoisted, so it can run before `const processJob` has been initialised: calling it then
// throws a ReferenceError, which an async wrapper turns into a rejection.
async function handle(job) {
  return await processJob(job);
}

const processJob = async (job) => job.id;

const early = async (job) => await later(job);
const later = async (job) => job;

module.exports = { handle, early };

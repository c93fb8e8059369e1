const { stat, lstat } = require('fs/promises');

// engines.node ">=26": the promise stat honours throwIfNoEntry (Node.js 25.7), so the option stays.
async function sizeOf(file) {
  const stats = await stat(file, { throwIfNoEntry: false });
  return stats ? stats.size : 0;
}

// fs/promises lstat takes no throwIfNoEntry: the .catch form.
async function isLink(file) {
  const stats = await lstat(file).catch((error) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  return stats ? stats.isSymbolicLink() : false;
}

module.exports = { sizeOf, isLink };

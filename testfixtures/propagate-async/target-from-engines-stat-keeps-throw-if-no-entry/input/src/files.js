const fs = require('fs');

// engines.node ">=26": the promise stat honours throwIfNoEntry (Node.js 25.7), so the option stays.
function sizeOf(file) {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats ? stats.size : 0;
}

// fs/promises lstat takes no throwIfNoEntry: the .catch form.
function isLink(file) {
  const stats = fs.lstatSync(file, { throwIfNoEntry: false });
  return stats ? stats.isSymbolicLink() : false;
}

module.exports = { sizeOf, isLink };

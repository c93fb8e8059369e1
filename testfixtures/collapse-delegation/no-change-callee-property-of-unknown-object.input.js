const db = require('./db');

async function find(id) {
  return await db.find(id);
}

module.exports = { find };

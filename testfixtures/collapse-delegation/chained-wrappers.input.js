async function query(sql) {
  const rows = await db.all(sql);
  return rows;
}

// Each wrapper only forwards to the next one: all three collapse in one run.
async function queryAll(sql) {
  return await query(sql);
}

async function findAll(sql) {
  return await queryAll(sql);
}

const findEverything = async (sql) => await findAll(sql);

module.exports = { findEverything };

async function query(sql) {
  const rows = await db.all(sql);
  return rows;
}

// Each wrapper only forwards to the next one: all three collapse in one run.
function queryAll(sql) {
  return query(sql);
}

function findAll(sql) {
  return queryAll(sql);
}

const findEverything = (sql) => findAll(sql);

module.exports = { findEverything };

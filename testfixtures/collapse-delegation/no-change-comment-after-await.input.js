async function fetchRow(id) {
  return { id };
}

async function getRow(id) {
  return await // the row, fresh from the database
    fetchRow(id);
}

module.exports = { getRow };

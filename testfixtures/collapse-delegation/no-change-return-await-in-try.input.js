async function fetchRow(id) {
  return { id };
}

async function safeFetch(id) {
  try {
    return await fetchRow(id);
  } catch (err) {
    return null;
  }
}

async function fetchLogged(id) {
  try {
    return await fetchRow(id);
  } finally {
    console.log('done');
  }
}

module.exports = { safeFetch, fetchLogged };

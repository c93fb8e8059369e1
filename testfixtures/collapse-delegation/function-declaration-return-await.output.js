'use strict';

async function fetchUser(id) {
  const res = await fetch(`/users/${id}`);
  return res.json();
}

/**
 * Kept for backwards compatibility.
 * @param {string} id
 */
function getUser(id) {
  // delegate
  return fetchUser(id); // same result
}

function getUserRaw(id) { return fetchUser(id) }

module.exports = { getUser, getUserRaw };

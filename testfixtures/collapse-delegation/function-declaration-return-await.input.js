'use strict';

async function fetchUser(id) {
  const res = await fetch(`/users/${id}`);
  return res.json();
}

/**
 * Kept for backwards compatibility.
 * @param {string} id
 */
async function getUser(id) {
  // delegate
  return await fetchUser(id); // same result
}

async function getUserRaw(id) { return fetchUser(id) }

module.exports = { getUser, getUserRaw };

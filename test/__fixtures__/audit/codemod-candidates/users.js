'use strict';
const { readFile } = require('fs/promises');

async function fetchUser(id) {
  const text = await readFile(`users/${id}.json`, 'utf8');
  return JSON.parse(text);
}

// A pure-delegation wrapper kept for backwards compatibility.
async function getUser(id) {
  return await fetchUser(id);
}

// Uses `arguments`: collapse-delegation refuses it.
async function getFirstUser() {
  return await fetchUser(arguments[0]);
}

module.exports = { getUser, getFirstUser };

// Not candidates: the await is needed inside try/catch, and a function that awaits more than one call.
async function getUserOrNull(id) {
  try {
    return await fetchUser(id);
  } catch {
    return null;
  }
}

async function getPair(a, b) {
  const first = await fetchUser(a);
  return [first, await fetchUser(b)];
}

module.exports.more = { getUserOrNull, getPair };

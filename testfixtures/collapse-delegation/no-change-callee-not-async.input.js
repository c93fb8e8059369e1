// load returns a promise on one path and throws synchronously on another.
function load(id) {
  if (typeof id !== 'string') throw new TypeError('id must be a string');
  return Promise.resolve({ id });
}

async function get(id) {
  return await load(id);
}

module.exports = { get };

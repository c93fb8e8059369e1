async function log(...values) {
  return values.length;
}

async function logAll(first) {
  return await log(first, arguments);
}

module.exports = { logAll };

async function send(...values) {
  return values;
}

// Spreading anything but the wrapper's own rest parameter runs an iterator that may throw.
const sendAll = async (values) => await send(...values);

module.exports = { sendAll };

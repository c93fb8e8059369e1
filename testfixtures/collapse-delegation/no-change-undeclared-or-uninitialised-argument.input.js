async function send(value) {
  return value;
}

// CONFIG is not declared here: reading it may throw ReferenceError.
const sendConfig = async () => await send(CONFIG);

// LIMIT is read by a hoisted function declaration that may run before `const LIMIT` does.
async function sendLimit() {
  return await send(LIMIT);
}
const LIMIT = 10;

// A template literal with substitutions calls toString.
const sendLabel = async (value) => await send(`#${value}`);

module.exports = { sendConfig, sendLimit, sendLabel };

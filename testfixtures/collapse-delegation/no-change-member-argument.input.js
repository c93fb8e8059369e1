async function send(value) {
  return value;
}

// a.b.c may run a getter or throw on undefined before send's promise exists.
async function sendNested(a) {
  return await send(a.b.c);
}

module.exports = { sendNested };

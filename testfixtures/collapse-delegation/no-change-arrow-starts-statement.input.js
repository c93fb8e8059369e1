async function g(a) {
  return a;
}

const handlers = []
// Pointless but legal: without `async`, this line would start with `(` and continue the line above.
async (a) => await g(a), handlers.push(g);

module.exports = { handlers };

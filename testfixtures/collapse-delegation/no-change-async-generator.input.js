async function page(n) {
  return [n];
}

async function* pages(n) {
  return await page(n);
}

module.exports = { pages };

async function fetchData(url) {
  return { url };
}

async function getData(url) {
  return await fetchData(url);
}

if (process.env.OFFLINE) {
  fetchData = (url) => ({ url, offline: true });
}

let loader = async (url) => ({ url });
const viaLet = async (url) => await loader(url);

module.exports = { getData, viaLet };

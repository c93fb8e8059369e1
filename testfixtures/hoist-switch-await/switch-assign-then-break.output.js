const { fetchJson } = require('./http');

async function loadUser(source, id) {
  let user;
  let fetchJsonArg;
  switch (source) {
    case 'cache':
      fetchJsonArg = 'http://cache.local/users/' + id;
      break;
    case 'primary':
    case 'replica':
      log(`reading ${id} from ${source}`);
      fetchJsonArg = `http://${source}.db/users/${id}`; // slow path
      break;
    case 'none':
      return null;
    default:
      throw new TypeError('unknown source ' + source);
  }
  user = await fetchJson(fetchJsonArg, { timeout: 50 });
  return normalise(user);
}

module.exports = { loadUser };

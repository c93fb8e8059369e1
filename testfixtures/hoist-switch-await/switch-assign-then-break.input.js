const { fetchJson } = require('./http');

async function loadUser(source, id) {
  let user;
  switch (source) {
    case 'cache':
      user = await fetchJson('http://cache.local/users/' + id, { timeout: 50 });
      break;
    case 'primary':
    case 'replica':
      log(`reading ${id} from ${source}`);
      user = await fetchJson(`http://${source}.db/users/${id}`, { timeout: 50 }); // slow path
      break;
    case 'none':
      return null;
    default:
      throw new TypeError('unknown source ' + source);
  }
  return normalise(user);
}

module.exports = { loadUser };

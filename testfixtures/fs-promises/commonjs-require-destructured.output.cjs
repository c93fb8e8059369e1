const { watch } = require('node:fs');
const { access, readFile } = require('node:fs/promises');

exports.loadIfPresent = async (file) => {
  if (!(await access(file).then(() => true, () => false))) return null;
  return JSON.parse(await readFile(file, 'utf8'));
};

exports.watchFile = (file, onChange) => watch(file, onChange);

const { readFileSync, existsSync, watch } = require('node:fs');

exports.loadIfPresent = async (file) => {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8'));
};

exports.watchFile = (file, onChange) => watch(file, onChange);

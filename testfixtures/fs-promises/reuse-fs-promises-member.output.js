const fs = require('fs');

async function backup(file) {
  const stat = await fs.promises.stat(file);
  await fs.promises.copyFile(file, `${file}.bak`);
  return stat.size;
}

module.exports = { backup };

'use strict';
const fs = require('fs');
const path = require('path');

// Runs once at load time: stays synchronous (CommonJS top level).
const ARCHIVE_DIR = path.join(__dirname, 'archive');
fs.mkdirSync(ARCHIVE_DIR, { recursive: true });

async function archive(file) {
  const data = fs.readFileSync(file);
  fs.writeFileSync(path.join(ARCHIVE_DIR, path.basename(file)), data);
  fs.unlinkSync(file);
  return data.length;
}

module.exports = { archive };

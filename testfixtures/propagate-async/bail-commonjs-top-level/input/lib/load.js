const fs = require('fs');

function loadSettings() {
  return JSON.parse(fs.readFileSync('settings.json', 'utf8'));
}

const settings = loadSettings();

module.exports = { settings };

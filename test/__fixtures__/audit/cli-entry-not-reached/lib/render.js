'use strict';
const fs = require('fs');

function render(text, config) {
  return `${config.banner}\n${text}`;
}

function printTemplates() {
  for (const name of fs.readdirSync('templates')) console.log(name);
}

if (require.main === module) {
  printTemplates();
  fs.writeFileSync('rendered.txt', render(fs.readFileSync(process.argv[2], 'utf8'), { banner: '' }));
}

module.exports = { render };

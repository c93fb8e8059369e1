#!/usr/bin/env node
'use strict';
const fs = require('fs');
const { render } = require('../lib/render');

const config = JSON.parse(fs.readFileSync('.toolrc', 'utf8'));

function main(argv) {
  const input = fs.readFileSync(argv[2], 'utf8');
  process.stdout.write(render(input, config));
}

main(process.argv);

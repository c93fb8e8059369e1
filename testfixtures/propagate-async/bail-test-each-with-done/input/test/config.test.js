'use strict';
const { loadPort } = require('../src/config');

// jest passes a table row's values first and `done` after them, when the test declares one more
// parameter than the row fills: each of these takes a real done callback and must stay sync.
it.each([
  ['fixtures/a.json', 8080],
  ['fixtures/b.json', 9090],
])('reads %s', (file, port, done) => {
  expect(loadPort(file)).toBe(port);
  done();
});

it.each(['fixtures/a.json'])('reads %s without throwing', (file, done) => {
  loadPort(file);
  done();
});

it.each`
  file
  ${'fixtures/a.json'}
`('reads $file from a template table', ({ file }, done) => {
  loadPort(file);
  done();
});

'use strict';
const fs = require('fs');
const path = require('path');
const suite = require('a-test-runner-the-project-does-not-have');

// The runner calls topic() and uses its return value: the object escapes to it (AM109).
suite.addBatch({
  'a store': {
    topic: function () {
      const file = path.join(__dirname, 'fixture.json');
      fs.writeFileSync(file, '{"a":1}');
      return file;
    },
  },
});

// A named function stored in the object handed to the runner escapes with it (AM109).
function setUp() {
  return fs.readFileSync(path.join(__dirname, 'fixture.json'), 'utf8');
}
suite.addBatch({ 'another store': { topic: setUp } });

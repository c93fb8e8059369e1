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

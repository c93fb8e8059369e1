'use strict';
const fs = require('fs');

// mocha and jest globals pass `done` first: a test that takes it and returns a promise is rejected.
describe('store', function () {
  beforeEach(function (done) {
    fs.writeFileSync('fixture.db', '', 'utf8');
    done();
  });

  it('reads what was written', function (done) {
    const text = fs.readFileSync('fixture.db', 'utf8');
    if (text !== '') return done(new Error('not empty'));
    done();
  });
});

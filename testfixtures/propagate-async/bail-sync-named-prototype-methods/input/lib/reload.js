'use strict';

// `store` has no known type: this call may reach Store.prototype.loadSync.
exports.reload = function (store) {
  return store.loadSync();
};

/**
 * jscodeshift's baseline for `npm run bench`: parse every file with recast and print it again,
 * changing nothing — what any jscodeshift transform pays before doing its own work.
 */
module.exports = function identity(file, api) {
  return api.jscodeshift(file.source).toSource();
};

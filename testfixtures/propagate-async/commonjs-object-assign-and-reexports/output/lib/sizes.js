'use strict';
const { stat } = require('fs/promises');

const sizes = module.exports = {};

sizes.sizeOf = async function (file) {
  return (await stat(file)).size;
};

// None of these is a one-return delegation: nothing is reported.
async function work(id) {
  return id;
}

async function twoSteps(id) {
  const row = await work(id);
  return row;
}

async function awaitsInArguments(id) {
  return work(await work(id));
}

async function awaitsValue(promise) {
  return await promise;
}

function notAsync(id) {
  return work(id);
}

class Widget {
  constructor(id) {
    this.ready = work(id);
  }

  get value() {
    return work(this.id);
  }
}

module.exports = { twoSteps, awaitsInArguments, awaitsValue, notAsync, Widget };

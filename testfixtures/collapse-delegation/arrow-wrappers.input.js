const save = async (item) => {
  await write(item);
  return item.id;
};

const saveOne = async (item) => await save(item);
const saveBare = async item => save(item);
const saveParens = async (item) => (await save(item));
const saveNamed = async function saveNamed(item) {
  return await save(item);
};

export const saveAll = (items) => Promise.all(items.map(async (item) => await save(item)));

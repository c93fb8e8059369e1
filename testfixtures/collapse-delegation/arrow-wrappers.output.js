const save = async (item) => {
  await write(item);
  return item.id;
};

const saveOne = (item) => save(item);
const saveBare = item => save(item);
const saveParens = (item) => (save(item));
const saveNamed = function saveNamed(item) {
  return save(item);
};

export const saveAll = (items) => Promise.all(items.map((item) => save(item)));

const hooks: { beforeSave?: (id: string) => Promise<void> } = {};

export const runHook = async (id: string): Promise<void> => await hooks.beforeSave?.(id);

async function save(id: string): Promise<void> {}

export const maybeSave = async (id: string) => save?.(id);

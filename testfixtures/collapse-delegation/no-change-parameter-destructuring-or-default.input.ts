async function save(id: string, retries: number): Promise<string> {
  return id + retries;
}

// Destructuring undefined throws while the parameters are bound.
export async function saveItem({ id }: { id: string }): Promise<string> {
  return await save(id, 1);
}

export const saveFirst = async ([id]: string[]): Promise<string> => await save(id, 1);

// A default value that runs code.
export async function saveWithRetries(id: string, retries = Number(process.env.RETRIES)): Promise<string> {
  return await save(id, retries);
}

async function fetchItem(id: string): Promise<string> {
  return `item ${id}`;
}

const load = async (id: string): Promise<string> => await fetchItem(id);

// Generic with a constraint: `<T extends string>(…) =>` is not JSX, so it stays valid without async.
const loadAs = async <T extends string>(id: T): Promise<string> => await fetchItem(id);

export function Item({ id }: { id: string }) {
  return <button onClick={async () => await fetchItem(id)}>{id}</button>;
}

export { load, loadAs };

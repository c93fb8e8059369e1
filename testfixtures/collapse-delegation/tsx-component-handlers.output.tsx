async function fetchItem(id: string): Promise<string> {
  return `item ${id}`;
}

const load = (id: string): Promise<string> => fetchItem(id);

// Generic with a constraint: `<T extends string>(…) =>` is not JSX, so it stays valid without async.
const loadAs = <T extends string>(id: T): Promise<string> => fetchItem(id);

export function Item({ id }: { id: string }) {
  return <button onClick={() => fetchItem(id)}>{id}</button>;
}

export { load, loadAs };

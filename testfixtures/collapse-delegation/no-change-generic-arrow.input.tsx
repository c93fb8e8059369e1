async function identity<T>(value: T): Promise<T> {
  return value;
}

// Without `async`, `<T>(value: T) =>` would be read as a JSX element in a .tsx file.
export const wrap = async <T>(value: T): Promise<T> => await identity(value);

export const view = <div>{String(wrap)}</div>;

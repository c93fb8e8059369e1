let fetcher = defaultFetch;

export function useFetcher(f) {
  fetcher = f;
}

export async function get(kind, id) {
  switch (kind) {
    case 'user':
      return await fetcher('/users/' + id);
    case 'team':
      return await fetcher('/teams/' + id);
    default:
      throw new Error(kind);
  }
}

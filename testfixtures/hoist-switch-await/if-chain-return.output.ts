declare function query<T>(name: 'items_by_owner' | 'items_by_tag' | 'items_all', arg: string, limit: number): Promise<T[]>;

interface Filter {
  owner?: string;
  tag?: string;
}

export async function findItems(filter: Filter, limit: number) {
  let queryArg1: 'items_by_owner' | 'items_by_tag' | 'items_all';
  let queryArg2: string;
  if (filter.owner !== undefined) {
    const owner: string = filter.owner.toLowerCase();
    queryArg1 = 'items_by_owner';
    queryArg2 = owner;
  } else if (filter.tag) {
    /* tags are stored upper-case */
    queryArg1 = 'items_by_tag';
    queryArg2 = filter.tag.toUpperCase() as string;
  } else if (limit <= 0) {
    return [];
  } else {
    queryArg1 = 'items_all';
    queryArg2 = '';
  }
  return await query<Item>(queryArg1, queryArg2, limit);
}

interface Item {
  id: number;
}

declare function query<T>(name: 'items_by_owner' | 'items_by_tag' | 'items_all', arg: string, limit: number): Promise<T[]>;

interface Filter {
  owner?: string;
  tag?: string;
}

export async function findItems(filter: Filter, limit: number) {
  if (filter.owner !== undefined) {
    const owner: string = filter.owner.toLowerCase();
    return await query<Item>('items_by_owner', owner, limit);
  } else if (filter.tag) {
    /* tags are stored upper-case */
    return await query<Item>('items_by_tag', filter.tag.toUpperCase() as string, limit);
  } else if (limit <= 0) {
    return [];
  } else {
    return await query<Item>('items_all', '', limit);
  }
}

interface Item {
  id: number;
}

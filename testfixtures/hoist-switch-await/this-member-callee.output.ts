interface Repository {
  get(table: string, id: number): Promise<unknown>;
}

export class Service {
  constructor(private readonly repo: Repository) {}

  async fetch(kind: 'user' | 'order', id: number, archived?: boolean) {
    let getArg: 'old_users' | 'users' | 'old_orders' | 'orders';
    switch (kind) {
      case 'user':
        getArg = archived ? 'old_users' : 'users';
        break;
      case 'order':
        getArg = archived ? 'old_orders' : 'orders';
        break;
      default:
        return undefined;
    }
    return await this.repo.get(getArg, id);
  }
}

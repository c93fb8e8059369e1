interface Repository {
  get(table: string, id: number): Promise<unknown>;
}

export class Service {
  constructor(private readonly repo: Repository) {}

  async fetch(kind: 'user' | 'order', id: number, archived?: boolean) {
    switch (kind) {
      case 'user':
        return await this.repo.get(archived ? 'old_users' : 'users', id);
      case 'order':
        return await this.repo.get(archived ? 'old_orders' : 'orders', id);
      default:
        return undefined;
    }
  }
}

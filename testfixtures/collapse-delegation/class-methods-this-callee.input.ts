interface Row {
  id: number;
}

class Repository {
  static async connect(url: string): Promise<Repository> {
    return new Repository();
  }

  static async open(url: string): Promise<Repository> {
    return await this.connect(url);
  }

  async #query(sql: string): Promise<Row[]> {
    return [];
  }

  public async all(sql: string): Promise<Row[]> {
    return await this.#query(sql);
  }

  private async first(sql: string): Promise<Row[]> { return this.all(sql) }

  async #firstRow(sql: string): Promise<Row[]> {
    return await this.#query(sql);
  }

  byId = async (sql: string): Promise<Row[]> => await this.first(sql);
}

export async function main(): Promise<void> {
  const repo = await Repository.open('db://');
  await repo.byId('select 1');
}

interface Row {
  id: number;
}

class Repository {
  static async connect(url: string): Promise<Repository> {
    return new Repository();
  }

  static open(url: string): Promise<Repository> {
    return this.connect(url);
  }

  async #query(sql: string): Promise<Row[]> {
    return [];
  }

  public all(sql: string): Promise<Row[]> {
    return this.#query(sql);
  }

  private first(sql: string): Promise<Row[]> { return this.all(sql) }

  #firstRow(sql: string): Promise<Row[]> {
    return this.#query(sql);
  }

  byId = (sql: string): Promise<Row[]> => this.first(sql);
}

export async function main(): Promise<void> {
  const repo = await Repository.open('db://');
  await repo.byId('select 1');
}

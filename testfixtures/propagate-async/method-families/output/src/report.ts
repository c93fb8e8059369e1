import { readFile } from 'fs/promises';
import type { Store } from './store';

export abstract class Report {
  abstract body(): Promise<string>;

  /** Overridden by reports with a header. */
  async title(): Promise<string> {
    return 'Report';
  }

  async render(): Promise<string> {
    return `${await this.title()}\n${await this.body()}`;
  }
}

export class FileReport extends Report {
  constructor(private readonly store: Store) {
    super();
  }

  async body(): Promise<string> {
    return this.store.load('body');
  }

  override async title(): Promise<string> {
    return await readFile('title.txt', 'utf8');
  }
}

export async function printAll(store: Store): Promise<void> {
  for (const key of store.keys()) {
    console.log(await store.load(key));
  }
}

import fs from 'fs';
import type { Store } from './store';

export abstract class Report {
  abstract body(): string;

  /** Overridden by reports with a header. */
  title(): string {
    return 'Report';
  }

  render(): string {
    return `${this.title()}\n${this.body()}`;
  }
}

export class FileReport extends Report {
  constructor(private readonly store: Store) {
    super();
  }

  body(): string {
    return this.store.load('body');
  }

  override title(): string {
    return fs.readFileSync('title.txt', 'utf8');
  }
}

export function printAll(store: Store): void {
  for (const key of store.keys()) {
    console.log(store.load(key));
  }
}

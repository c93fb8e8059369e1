import { Store, loadEither, loaders } from './store';

export async function describeFile(file: string): Promise<string> {
  const store = new Store();
  return `${await store['loadTrimmed'](file)} ${(await store[`loadByConstant`](file)).length} ${String(await loadEither(file, true))}`;
}

export async function textOf(file: string): Promise<string> {
  return (await loaders['text'](file)) || '';
}

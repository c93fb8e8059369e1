import { Store, loadEither, loaders } from './store';

export function describeFile(file: string): string {
  const store = new Store();
  return `${store['loadTrimmed'](file)} ${store[`loadByConstant`](file).length} ${String(loadEither(file, true))}`;
}

export function textOf(file: string): string {
  return loaders['text'](file) || '';
}

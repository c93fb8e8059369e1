import { banner } from './format';
import { main } from './main';

export function run(file: string): string {
  return `${banner(file)} ${main(file)}`;
}

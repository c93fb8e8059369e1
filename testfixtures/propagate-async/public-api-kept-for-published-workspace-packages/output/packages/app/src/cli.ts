import { banner } from './format';
import { main } from './main';

export async function run(file: string): Promise<string> {
  return `${banner(file)} ${await main(file)}`;
}

import { configName, loadConfig as load } from './config';

export async function main(): Promise<void> {
  console.log(await configName('app.json'));
}

export async function describeConfig(file: string): Promise<string> {
  // The callee's result is used in a template literal.
  return `config: ${(await load(file)).name}`;
}

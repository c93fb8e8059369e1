import { configName, loadConfig as load } from './config';

export async function main(): Promise<void> {
  console.log(configName('app.json'));
}

export function describeConfig(file: string): string {
  // The callee's result is used in a template literal.
  return `config: ${load(file).name}`;
}

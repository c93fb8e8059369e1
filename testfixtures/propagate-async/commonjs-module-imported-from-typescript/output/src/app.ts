import { readText } from './legacy';
import * as legacy from './legacy';
import legacyDefault from './legacy';
import legacyRequired = require('./legacy');

export async function summary(file: string): Promise<string> {
  return `${(await readText(file)).length} ${await legacy.readTitle(file)} ${(await legacyDefault.readText(file)).length} ${await legacyRequired.readTitle(file)}`;
}

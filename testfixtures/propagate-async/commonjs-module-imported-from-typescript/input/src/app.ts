import { readText } from './legacy';
import * as legacy from './legacy';
import legacyDefault from './legacy';
import legacyRequired = require('./legacy');

export function summary(file: string): string {
  return `${readText(file).length} ${legacy.readTitle(file)} ${legacyDefault.readText(file).length} ${legacyRequired.readTitle(file)}`;
}

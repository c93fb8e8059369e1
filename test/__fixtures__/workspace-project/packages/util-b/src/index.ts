import { readFileSync } from 'fs';
import { readSettings } from '@ws/core';

export function describeSettings(file: string): string {
  const settings = readSettings(file);
  return `${settings.name} (${settings.retries} retries)`;
}

export function renderTemplate(file: string, name: string): string {
  return readFileSync(file, 'utf8').replace('{name}', name);
}

import { readFileSync } from 'fs';
import { register, type Plugin } from './plugin';

export class FilePlugin implements Plugin {
  load(name: string): string {
    return readFileSync(name, 'utf8');
  }
}

function loadTemplate(name: string): string {
  return readFileSync(`templates/${name}`, 'utf8');
}

register(loadTemplate);

function loadPartial(name: string): string {
  return readFileSync(`partials/${name}`, 'utf8');
}

export const loaders = [loadPartial];

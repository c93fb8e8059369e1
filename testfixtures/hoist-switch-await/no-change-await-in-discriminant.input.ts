import { load } from './loader';

export async function read(name: string): Promise<string> {
  switch (await detect(name)) {
    case 'text':
      return await load(name, 'utf8');
    case 'binary':
      return await load(name, 'latin1');
    default:
      throw new Error(name);
  }
}

declare function detect(name: string): Promise<string>;

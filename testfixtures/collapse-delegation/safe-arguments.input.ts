import { EOL } from 'node:os';

enum Mode {
  Fast,
}

async function send(...parts: unknown[]): Promise<number> {
  return parts.length;
}

const PREFIX = 'job';

export const sendAll = async (...parts: string[]): Promise<number> => await send(...parts);

export const sendWithDefaults = async (name: string, retries = 3, tag = undefined): Promise<number> =>
  await send(name, retries, tag, 'literal', 42, null, true, `plain`, /re/g, 10n, undefined, NaN);

export const sendTyped = async (value: unknown): Promise<number> => await send(value as string, value!, PREFIX, EOL, Mode);

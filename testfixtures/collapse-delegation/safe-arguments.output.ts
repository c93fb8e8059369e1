import { EOL } from 'node:os';

enum Mode {
  Fast,
}

async function send(...parts: unknown[]): Promise<number> {
  return parts.length;
}

const PREFIX = 'job';

export const sendAll = (...parts: string[]): Promise<number> => send(...parts);

export const sendWithDefaults = (name: string, retries = 3, tag = undefined): Promise<number> =>
  send(name, retries, tag, 'literal', 42, null, true, `plain`, /re/g, 10n, undefined, NaN);

export const sendTyped = (value: unknown): Promise<number> => send(value as string, value!, PREFIX, EOL, Mode);

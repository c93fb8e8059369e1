import { readFile } from 'fs/promises';

export const readSettings: (file: string) => Promise<string> = async (file) =>
  await readFile(file, 'utf8');

/** Calls `attempt` until it succeeds, at most `times` times. */
export async function retry(times: number, attempt: () => Promise<string>): Promise<string> {
  let last: unknown;
  for (let i = 0; i < times; i++) {
    try {
      return await attempt();
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

export async function settingsWithRetry(file: string): Promise<string> {
  return retry(3, async () => readSettings(file));
}

export async function constant(): Promise<string> {
  return retry(1, async () => 'fixed');
}

import { readFileSync } from 'fs';

export const readSettings: (file: string) => string = (file) => readFileSync(file, 'utf8');

/** Calls `attempt` until it succeeds, at most `times` times. */
export function retry(times: number, attempt: () => string): string {
  let last: unknown;
  for (let i = 0; i < times; i++) {
    try {
      return attempt();
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

export function settingsWithRetry(file: string): string {
  return retry(3, () => readSettings(file));
}

export function constant(): string {
  return retry(1, () => 'fixed');
}

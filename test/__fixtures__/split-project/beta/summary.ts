import { readLog } from '../alpha/log';

export function lastLine(file: string): string | undefined {
  const lines = readLog(file);
  return lines[lines.length - 1];
}

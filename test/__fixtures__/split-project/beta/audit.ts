import { readLog } from '../alpha/log';

export function auditLines(file: string): number {
  return readLog(file).filter((line) => line.includes('audit')).length;
}

import { loadConfig } from './config';

export class Settings {
  readonly port: number;

  constructor(file: string) {
    this.port = loadConfig(file).port;
  }
}

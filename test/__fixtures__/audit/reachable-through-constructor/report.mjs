import { statSync } from 'node:fs';

export class Report {
  constructor(settings) {
    this.settings = settings;
    this.size = statSync('template.html').size;
  }

  render(request) {
    return `${request.path} ${this.size}`;
  }
}

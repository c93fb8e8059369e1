import { describeSettings } from '@ws/util-b';

export function main(argv: string[]): void {
  console.log(describeSettings(argv[0] ?? 'settings.json'));
}

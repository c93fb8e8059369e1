import { writeFileSync } from 'fs';

interface Queue {
  on(event: 'job', handler: (name: string) => unknown): void;
}

function save(name: string): void {
  writeFileSync(`done/${name}`, '');
}

/** This queue awaits the promise a handler returns (so the user allowed `queue.on`). */
export function listen(queue: Queue): void {
  queue.on('job', (name) => {
    save(name);
  });
}

import { writeFile } from 'fs/promises';

interface Queue {
  on(event: 'job', handler: (name: string) => unknown): void;
}

async function save(name: string): Promise<void> {
  await writeFile(`done/${name}`, '');
}

/** This queue awaits the promise a handler returns (so the user allowed `queue.on`). */
export function listen(queue: Queue): void {
  queue.on('job', async (name) => {
    await save(name);
  });
}

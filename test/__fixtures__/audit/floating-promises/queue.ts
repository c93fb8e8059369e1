import { appendFile } from 'fs/promises';

export async function enqueue(job: string): Promise<void> {
  await appendFile('queue.log', `${job}\n`);
}

export function enqueueLater(job: string): void {
  setImmediate(() => {
    enqueue(job).catch((error) => console.error(error));
  });
}

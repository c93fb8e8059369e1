import { EventEmitter } from 'events';
import { writeFile } from 'fs/promises';

async function save(name: string, data: string): Promise<void> {
  await writeFile(name, data);
}

const notify = async (message: string): Promise<void> => {
  await writeFile('notifications.log', message);
};

export class Worker extends EventEmitter {
  private pending: Promise<void>[] = [];

  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }

  start(files: string[]): void {
    files.forEach(async (f) => {
      await save(f, '');
    });
    const existing = files.filter(async (f) => (await notify(f)) === undefined);
    this.on('job', async (job: string) => {
      await save(job, 'done');
    });
    setTimeout(async () => {
      await this.flush();
    }, 1000);
    save('started', String(existing.length));
    this.flush();
  }

  async stop(): Promise<void> {
    await save('stopped', '');
    const later = save('later', '');
    this.pending.push(later);
    void notify('stopping');
    notify('stopped').catch(() => undefined);
    for (const f of ['a', 'b']) await save(f, '');
    return this.flush();
  }
}

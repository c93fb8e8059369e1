import { unlinkSync, existsSync } from 'fs';

const LOCK = '/tmp/app.lock';

function removeLock(): void {
  if (existsSync(LOCK)) unlinkSync(LOCK);
}

process.on('exit', removeLock);
process.once('exit', async () => {
  unlinkSync(`${LOCK}.pid`);
});

export async function cleanup(): Promise<void> {
  unlinkSync(LOCK);
}

import { unlinkSync, existsSync } from 'fs';
import { unlink } from 'fs/promises';

const LOCK = '/tmp/app.lock';

function removeLock(): void {
  if (existsSync(LOCK)) unlinkSync(LOCK);
}

process.on('exit', removeLock);
process.once('exit', async () => {
  unlinkSync(`${LOCK}.pid`);
});

export async function cleanup(): Promise<void> {
  await unlink(LOCK);
}

import { exec } from 'child_process';
import { gzip } from 'zlib';
import { promisify } from 'util';
const execAsync = promisify(exec);
const gzipAsync = promisify(gzip);

// Builds the release archive of the current revision.
export async function buildArchive(files: string[]): Promise<{ revision: string; archive: Buffer }> {
  const revision = (await execAsync('git rev-parse HEAD', { encoding: 'utf8' })).stdout.trim();
  const archive = await gzipAsync(Buffer.from(files.join('\n')));
  return { revision, archive };
}

import { execSync } from 'child_process';
import { gzipSync } from 'zlib';

// Builds the release archive of the current revision.
export async function buildArchive(files: string[]): Promise<{ revision: string; archive: Buffer }> {
  const revision = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  const archive = gzipSync(Buffer.from(files.join('\n')));
  return { revision, archive };
}

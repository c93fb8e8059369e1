import { execSync, spawnSync } from 'child_process';

export async function tools(script: string) {
  const result = spawnSync('node', ['-e', script]);
  execSync('npm test', { stdio: 'inherit' });
  const piped = execSync('cat', { input: script });
  return { status: result.status, piped };
}

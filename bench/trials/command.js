'use strict';
/**
 * Child processes for `npm run trials`: every command runs with a timeout and is killed with its
 * whole process group when it passes it (test runners leave servers and git processes behind).
 */
const { spawn } = require('child_process');

const MINUTE = 60 * 1000;

/** An error the user can fix (npm or the network missing, dist/ not built, a bad option): exit 2. */
class EnvironmentError extends Error {}

/**
 * Run a command without a shell (or `sh -c` when `shell` is set), collecting its output.
 * @param {string} cmd program (with `shell`, the whole command line)
 * @param {string[]} args arguments
 * @param {{cwd: string, timeoutMs: number, env?: object, shell?: boolean}} options
 * @returns {Promise<{code: number|null, signal: string|null, stdout: string, stderr: string, ms: number, timedOut: boolean}>}
 *   `code` is null when the process was killed (timeout); ENOENT (program missing) rejects with an
 *   EnvironmentError.
 */
function runCommand(cmd, args, { cwd, timeoutMs, env, shell = false }) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const spawnOptions = { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] };
    const child = shell ? spawn('sh', ['-c', [cmd, ...args].join(' ')], spawnOptions) : spawn(cmd, args, spawnOptions);
    const out = [];
    const err = [];
    let timedOut = false;
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new EnvironmentError(`${cmd} is not installed or not on PATH (${error.message})`) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Leftover grandchildren (a server a test forgot to close) would keep the group alive.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
      resolve({
        code, signal, timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
  });
}

/** The last `n` lines of a text, trimmed. */
function tail(text, n) {
  return text.trim().split('\n').slice(-n).join('\n');
}

/**
 * Run a command that must succeed.
 * @throws {Error} naming `what`, the command and the tail of its stderr when it times out or exits non-zero
 */
async function mustRun(what, cmd, args, options) {
  const result = await runCommand(cmd, args, options);
  const line = [cmd, ...args].join(' ');
  if (result.timedOut) throw new Error(`${what}: timed out after ${options.timeoutMs / 1000} s (${line})`);
  if (result.code !== 0) throw new Error(`${what}: ${line} exited ${result.code ?? result.signal}\n${tail(result.stderr || result.stdout, 15)}`);
  return result;
}

module.exports = { MINUTE, EnvironmentError, runCommand, mustRun, tail };

/**
 * The progress bar (cli-progress) on stderr. It appears only when stderr is a terminal and the run
 * has already taken more than a moment ({@link PROGRESS_DELAY_MS}), so short runs and piped or
 * captured output never see it; it is cleared when the run ends.
 */
import { SingleBar } from 'cli-progress';
import type { OutputStream } from '../cli/context';

/** How long a run goes before the bar appears. */
export const PROGRESS_DELAY_MS = 400;

/** Progress reporter handed to the pipeline. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on `stream`, or a no-op when the stream is not a terminal. */
export function createProgress(stream: OutputStream, label = 'files'): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < PROGRESS_DELAY_MS || done >= total) return;
        bar = new SingleBar({
          stream: stream as unknown as NodeJS.WritableStream,
          format: `async-migrate [{bar}] {value}/{total} ${label}`,
          clearOnComplete: true,
          hideCursor: true,
          barsize: 30,
        });
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

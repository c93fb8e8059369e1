import { enqueue, enqueueLater } from './queue';
import * as queue from './queue';

export async function produce(jobs: string[]): Promise<Promise<void>> {
  enqueue('first');
  queue.enqueue('second');
  enqueueLater('third');
  await enqueue('fourth');
  void enqueue('fifth');
  const pending = enqueue('sixth');
  return pending;
}

/**
 * The timed unit of every measuring loop: the wall time of one prepared run, in milliseconds.
 *
 * @example
 * const p = session.prepare(randomInputs(session, 0));
 * const ms = await timeRun(p);
 */
import { performance } from 'perf_hooks';
import type { PreparedRun } from './session';

/** Wall time of one run of `p`, ms (performance.now resolution). @example await timeRun(p); // 12.3 */
export async function timeRun(p: PreparedRun): Promise<number> {
  const t0 = performance.now();
  await p.run();
  return performance.now() - t0;
}

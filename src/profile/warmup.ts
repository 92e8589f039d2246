/**
 * When warm-up is over, for `--warmup auto`: the run time is stable once the median of the last `window`
 * runs is within `tolerance` (relative) of the median of the `window` runs before. Pure.
 *
 * @example
 * isStable([9, 5, 5.1, 5, 5, 5.1, 5, 5], { window: 3 }); // true
 */
import { median } from './stats';

/** Upper bound of automatic warm-up runs. */
export const AUTO_WARMUP_MAX = 50;
/** Lower bound of automatic warm-up runs (two windows). */
export const AUTO_WARMUP_WINDOW = 5;

/** @example isStable([10, 1, 1, 1, 1], { window: 2 }); // true */
export function isStable(times: readonly number[], opts: { window?: number; tolerance?: number } = {}): boolean {
  const w = opts.window ?? AUTO_WARMUP_WINDOW;
  const tol = opts.tolerance ?? 0.05;
  if (times.length < 2 * w) return false;
  const last = median(times.slice(-w));
  const before = median(times.slice(-2 * w, -w));
  return Math.abs(last - before) <= tol * before;
}

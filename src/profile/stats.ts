/**
 * Summary statistics of timing samples: quantiles (linear interpolation, numpy's default), IQR, sample
 * standard deviation and a seeded bootstrap confidence interval of the median. Pure.
 *
 * @example
 * const s = timingStats([3, 1, 2, 4], { seed: 1 }); s.median; // 2.5
 */
import { LayerlabError } from '../errors';
import { seededRandom } from '../util/random';
import type { TimingStats } from './types';

/**
 * The q-quantile (0..1) of `xs` by linear interpolation between order statistics (numpy 'linear', R type 7).
 * @example quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new LayerlabError('quantile: empty sample — expected at least one value');
  if (!(q >= 0 && q <= 1)) throw new LayerlabError(`quantile: invalid q: ${q} — expected 0..1`);
  const s = [...xs].sort((a, b) => a - b);
  return sortedQuantile(s, q);
}

function sortedQuantile(s: ArrayLike<number>, q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** @example median([5, 1, 3]); // 3 */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** @example mean([1, 2, 3]); // 2 */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new LayerlabError('mean: empty sample — expected at least one value');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Sample standard deviation (divisor n - 1); 0 for a single value.
 * @example std([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138...
 */
export function std(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Percentile bootstrap confidence interval of the median: `resamples` seeded resamples with replacement,
 * the (1 - level) / 2 and (1 + level) / 2 quantiles of their medians.
 * @example bootstrapMedianCI([1, 2, 3, 4, 5], { seed: 7 }); // [2, 4] (or close)
 */
export function bootstrapMedianCI(xs: readonly number[], opts: { seed?: number; resamples?: number; level?: number } = {}): [number, number] {
  if (xs.length === 0) throw new LayerlabError('bootstrapMedianCI: empty sample — expected at least one value');
  const rng = seededRandom(opts.seed ?? 0);
  const b = opts.resamples ?? 2000;
  const level = opts.level ?? 0.95;
  const medians = new Float64Array(b);
  const buf = new Float64Array(xs.length);
  for (let k = 0; k < b; k++) {
    for (let i = 0; i < xs.length; i++) buf[i] = xs[rng.int(xs.length)];
    buf.sort();
    medians[k] = sortedQuantile(buf, 0.5);
  }
  medians.sort();
  return [sortedQuantile(medians, (1 - level) / 2), sortedQuantile(medians, (1 + level) / 2)];
}

/**
 * All summary statistics of one sample of times (ms), keeping the raw samples in run order.
 * @example timingStats([10, 12, 11], { seed: 0 }).p90; // 11.8
 */
export function timingStats(samples: readonly number[], opts: { seed?: number; resamples?: number } = {}): TimingStats {
  if (samples.length === 0) throw new LayerlabError('timingStats: no samples — expected at least one timed run');
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length, min: s[0], max: s[s.length - 1], median: sortedQuantile(s, 0.5), mean: mean(s),
    p90: sortedQuantile(s, 0.9), iqr: sortedQuantile(s, 0.75) - sortedQuantile(s, 0.25), std: std(s),
    ci95: bootstrapMedianCI(s, opts), samples: [...samples],
  };
}

/**
 * Cost against contribution, pure: the inference time a variant saves against the baseline (difference of
 * medians with a seeded bootstrap interval), the baseline's profiled share of the nodes a variant removed,
 * and the accuracy it loses with a paired interval.
 *
 * @example
 * const saved = timeSaved(baseline.inference.samples, variant.inference.samples, 0);
 * saved.ms; saved.pct; saved.ci95
 */
import { median, quantile } from '../profile/stats';
import { baseName } from '../profile/attribution';
import { Z95 } from '../eval/stats';
import { seededRandom } from '../util/random';

/** A node of the baseline's profile, as the study records it. */
export interface NodeCost { node: string; opType: string; category: string; ms: number; pct: number; fusedFrom?: string[]; caffeLayer?: string }

/**
 * Percentile bootstrap interval of median(a) - median(b): each sample resampled with replacement
 * independently, `resamples` times, seeded.
 * @example medianDifferenceCI([10, 11, 12], [8, 9, 10], { seed: 1 }) // about [1, 3]
 */
export function medianDifferenceCI(a: readonly number[], b: readonly number[], opts: { seed?: number; resamples?: number; level?: number } = {}): [number, number] {
  const rng = seededRandom(opts.seed ?? 0);
  const n = opts.resamples ?? 2000, level = opts.level ?? 0.95;
  const diffs: number[] = [];
  const resample = (xs: readonly number[]): number => median(Array.from({ length: xs.length }, () => xs[rng.int(xs.length)]));
  for (let k = 0; k < n; k++) diffs.push(resample(a) - resample(b));
  return [quantile(diffs, (1 - level) / 2), quantile(diffs, (1 + level) / 2)];
}

/** Time saved by a variant: baseline median - variant median (ms, and % of the baseline median), with its 95% interval. */
export interface TimeSaved { ms: number; pct: number; ci95: [number, number]; pctCi95: [number, number] }

/**
 * Time saved from the raw timed samples of the baseline and of the variant.
 * @example timeSaved([10, 10, 10], [9, 9, 9]) // { ms: 1, pct: 10, ci95: [1, 1], pctCi95: [10, 10] }
 */
export function timeSaved(baseline: readonly number[], variant: readonly number[], seed = 0): TimeSaved {
  const base = median(baseline);
  const ms = base - median(variant);
  const ci95 = medianDifferenceCI(baseline, variant, { seed });
  return { ms, pct: (100 * ms) / base, ci95, pctCi95: [(100 * ci95[0]) / base, (100 * ci95[1]) / base] };
}

/** The baseline's profiled time of the nodes a variant removed. */
export interface RemovedShare {
  ms: number;
  /** Percent of the baseline's summed node time. */
  pct: number;
  /** Runtime nodes of the baseline that were wholly made of removed nodes. */
  nodes: string[];
  /** Runtime nodes into which onnxruntime fused a removed node together with kept ones (their time is not separable). */
  fusedInto: string[];
  /** Removed nodes that did not run in the baseline at all (eliminated by graph optimization: Dropout, Identity). */
  notRun: string[];
}

/**
 * Sum the baseline node timings made only of removed nodes.
 * @example removedShare([{ node: 'norm1', opType: 'LRN', category: 'normalization', ms: 2, pct: 10 }], ['norm1']).pct // 10
 */
export function removedShare(byNode: readonly NodeCost[], removed: readonly string[]): RemovedShare {
  const gone = new Set(removed);
  const out: RemovedShare = { ms: 0, pct: 0, nodes: [], fusedInto: [], notRun: [] };
  const seen = new Set<string>();
  for (const t of byNode) {
    const originals = t.fusedFrom ?? [baseName(t.node)];
    originals.forEach((o) => seen.add(o));
    const hit = originals.filter((o) => gone.has(o)).length;
    if (hit === 0) continue;
    if (hit === originals.length) { out.ms += t.ms; out.pct += t.pct; out.nodes.push(t.node); } else out.fusedInto.push(t.node);
  }
  out.notRun = removed.filter((r) => !seen.has(r));
  return out;
}

/**
 * Interval of the accuracy lost between two paired evaluations, (onlyA - onlyB) / n, with the Wald interval of a
 * paired difference of proportions: se = sqrt(b + c - (b - c)^2 / n) / n (b = onlyA, c = onlyB).
 * @example pairedLossCI(12, 2, 1000) // [0.0036, 0.0164] (about)
 */
export function pairedLossCI(onlyA: number, onlyB: number, n: number): [number, number] {
  if (n === 0) return [0, 0];
  const d = (onlyA - onlyB) / n;
  const se = Math.sqrt(Math.max(0, onlyA + onlyB - (onlyA - onlyB) ** 2 / n)) / n;
  return [d - Z95 * se, d + Z95 * se];
}

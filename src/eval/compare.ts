/**
 * Paired comparison of two evaluations on the same images: how many images changed correctness each
 * way, McNemar's test on those counts (top-1 and top-5), and how often the two agree on the top-1 class.
 * Images are paired by their path relative to the dataset root; images evaluated by only one side are counted.
 *
 * @example
 * const p = compareEvaluations(baseline, withoutLrn);
 * p.top1.onlyA; p.top1.onlyB; p.top1.mcnemar.p; p.top1Agreement
 */
import type { EvalRecord, EvalResult } from './types';
import { mcnemar, type McNemar } from './stats';

export interface PairedCounts {
  bothCorrect: number;
  /** Right in A, wrong in B (lost by going from A to B). */
  onlyA: number;
  /** Wrong in A, right in B (gained). */
  onlyB: number;
  bothWrong: number;
  /** Accuracy of A and B on the paired images, and B - A. */
  rateA: number;
  rateB: number;
  delta: number;
  mcnemar: McNemar;
}

export interface Paired {
  /** Images evaluated by both. */
  n: number;
  /** Images evaluated by only one side (skipped or limited differently). */
  unpaired: { onlyInA: number; onlyInB: number };
  top1: PairedCounts;
  top5: PairedCounts;
  /** Fraction of paired images with the same top-1 class. */
  top1Agreement: number;
}

function counts(pairs: [boolean, boolean][]): PairedCounts {
  let bothCorrect = 0, onlyA = 0, onlyB = 0, bothWrong = 0;
  for (const [a, b] of pairs) {
    if (a && b) bothCorrect++; else if (a) onlyA++; else if (b) onlyB++; else bothWrong++;
  }
  const n = pairs.length || 1;
  const rateA = (bothCorrect + onlyA) / n, rateB = (bothCorrect + onlyB) / n;
  return { bothCorrect, onlyA, onlyB, bothWrong, rateA, rateB, delta: rateB - rateA, mcnemar: mcnemar(onlyA, onlyB) };
}

/**
 * Compare evaluation `b` against `a` image by image.
 * @example compareEvaluations(r, r).top1Agreement // 1
 */
export function compareEvaluations(a: Pick<EvalResult, 'records'>, b: Pick<EvalResult, 'records'>): Paired {
  const byFile = new Map<string, EvalRecord>(b.records.map((r) => [r.file, r]));
  const pairs: [EvalRecord, EvalRecord][] = [];
  for (const ra of a.records) { const rb = byFile.get(ra.file); if (rb) pairs.push([ra, rb]); }
  const agree = pairs.filter(([x, y]) => x.top5[0] === y.top5[0]).length;
  return {
    n: pairs.length,
    unpaired: { onlyInA: a.records.length - pairs.length, onlyInB: b.records.length - pairs.length },
    top1: counts(pairs.map(([x, y]) => [x.top5[0] === x.label, y.top5[0] === y.label])),
    top5: counts(pairs.map(([x, y]) => [x.top5.includes(x.label), y.top5.includes(y.label)])),
    top1Agreement: pairs.length === 0 ? 0 : agree / pairs.length,
  };
}

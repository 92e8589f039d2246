/**
 * The statistics of accuracy: Wilson score intervals for a proportion, McNemar's test for paired
 * correctness (exact binomial and chi-square with continuity correction), and the normal tail (erfc).
 *
 * @example
 * wilson(70, 100)        // [0.604, 0.781]
 * mcnemar(3, 12).exactP  // 0.035
 */

/** z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval of `k` successes in `n` trials; [0, 1] when n = 0.
 * @example wilson(0, 10) // [0, 0.278]
 */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n, z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7).
 * @example erfc(0) // 1
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/**
 * P(X <= k) for X ~ Binomial(n, 1/2), summed in log space (exact for any n).
 * @example binomialHalfCdf(1, 3) // 0.5
 */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const ln2n = n * Math.LN2;
  let lnC = 0;
  const terms: number[] = [];
  for (let i = 0; i <= k; i++) {
    if (i > 0) lnC += Math.log((n - i + 1) / i);
    terms.push(lnC - ln2n);
  }
  const m = Math.max(...terms);
  return Math.min(1, Math.exp(m) * terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

export interface McNemar {
  /** Pairs where only the first variant is right, and where only the second is. */
  b: number;
  c: number;
  /** Two-sided exact binomial p-value: 2 P(X <= min(b, c)), X ~ Bin(b + c, 1/2), at most 1. */
  exactP: number;
  /** (max(0, |b - c| - 1))^2 / (b + c), the statistic with continuity correction (0 when b + c = 0). */
  chiSquare: number;
  /** Its p-value (chi-square, 1 degree of freedom). */
  chiSquareP: number;
  /** The p-value to quote: exact when b + c < 25, else chi-square. */
  p: number;
  method: 'exact' | 'chi-square';
}

/**
 * McNemar's test on the discordant pair counts.
 * @example mcnemar(10, 10).p // 1
 */
export function mcnemar(b: number, c: number): McNemar {
  const n = b + c;
  const exactP = n === 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), n));
  const chiSquare = n === 0 ? 0 : Math.max(0, Math.abs(b - c) - 1) ** 2 / n;
  const chiSquareP = erfc(Math.sqrt(chiSquare / 2));
  const method = n < 25 ? 'exact' : 'chi-square';
  return { b, c, exactP, chiSquare, chiSquareP, p: method === 'exact' ? exactP : chiSquareP, method };
}

/**
 * Turning a model's output vector into class probabilities and a ranking.
 *
 * @example
 * const probs = looksLikeProbabilities(out) ? out : softmax(out);
 * topK(probs, 5) // indices of the 5 largest, largest first
 */

/**
 * True when every value is in [0, 1] and they sum to 1 within `tol` (a softmax output), false for logits.
 * @example looksLikeProbabilities([0.2, 0.8]) // true
 */
export function looksLikeProbabilities(v: ArrayLike<number>, tol = 1e-3): boolean {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= 0 && v[i] <= 1)) return false;
    sum += v[i];
  }
  return Math.abs(sum - 1) <= tol;
}

/**
 * Numerically stable softmax.
 * @example softmax([0, 0]) // Float64Array [0.5, 0.5]
 */
export function softmax(v: ArrayLike<number>): Float64Array {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) { out[i] = Math.exp(v[i] - m); s += out[i]; }
  for (let i = 0; i < v.length; i++) out[i] /= s;
  return out;
}

/**
 * Indices of the `k` largest values, largest first (ties: lower index first; NaN ranks last).
 * @example topK([0.1, 0.7, 0.2], 2) // [1, 2]
 */
export function topK(v: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  const val = (i: number) => (Number.isNaN(v[i]) ? -Infinity : v[i]);
  for (let i = 0; i < v.length; i++) {
    if (best.length === k && val(i) <= val(best[k - 1])) continue;
    let j = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push(i);
    while (j > 0 && val(best[j - 1]) < val(i)) { best[j] = best[j - 1]; j--; }
    best[j] = i;
  }
  return best;
}

/**
 * "Did you mean" suggestions: the candidates closest to a misspelt name (edit distance, then prefix).
 *
 * @example
 * closeNames('norm1', ['norm_1', 'conv1', 'pool1', 'fc6']) // ['norm_1', 'conv1', 'pool1']
 */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Up to `max` distinct candidates within an edit distance of about half the name's length, closest first.
 * @example closeNames('norm1', ['norm_1', 'fc6']) // ['norm_1']
 */
export function closeNames(name: string, candidates: Iterable<string>, max = 5): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(name.length / 2));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === '') continue;
    const cl = c.toLowerCase();
    const d = cl.includes(lower) || lower.includes(cl) ? 0.5 : editDistance(lower, cl);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

/**
 * A hint sentence for an unknown name: `; did you mean "a", "b"?` or '' when nothing is close.
 * @example didYouMean('conv', ['conv1', 'conv2']) // '; did you mean "conv1", "conv2"?'
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closeNames(name, candidates);
  return close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
}

/**
 * Stable colours for charts: the study's layer categories and the common op types always get the same
 * colour, so a category looks the same in every pie and bar; other names get a colour from their hash.
 *
 * @example
 * colorOf('convolution') // '#1f77b4'
 */
const FIXED: Record<string, string> = {
  convolution: '#1f77b4', Conv: '#1f77b4', FusedConv: '#1f77b4',
  cccp: '#17becf',
  'fully connected': '#ff7f0e', Gemm: '#ff7f0e', MatMul: '#ff7f0e', FusedGemm: '#ff7f0e',
  normalization: '#d62728', LRN: '#d62728',
  pooling: '#2ca02c', MaxPool: '#2ca02c', AveragePool: '#98df8a', GlobalAveragePool: '#98df8a',
  relu: '#9467bd', Relu: '#9467bd',
  concat: '#8c564b', Concat: '#8c564b',
  softmax: '#e377c2', Softmax: '#e377c2',
  dropout: '#bcbd22', Dropout: '#bcbd22',
  other: '#7f7f7f',
};

const SPARE = ['#aec7e8', '#ffbb78', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#dbdb8d', '#9edae5', '#393b79', '#637939', '#8c6d31', '#843c39'];

/** The colour of a category, op type or series name (deterministic). */
export function colorOf(name: string): string {
  if (FIXED[name]) return FIXED[name];
  if (name.startsWith('other')) return FIXED.other;
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SPARE[h % SPARE.length];
}

const SERIES = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2'];

/**
 * Colours for a few series in order (e.g. "1 thread", "2 threads"), distinct from each other.
 * @example colorsFor(['1 thread', '2 threads']) // { '1 thread': '#4c78a8', '2 threads': '#f58518' }
 */
export function colorsFor(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n, i) => [n, i < SERIES.length ? SERIES[i] : colorOf(n)]));
}

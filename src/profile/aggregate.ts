/**
 * Trace records -> aggregates: each node's median over the timed runs, and shares of the total by op type
 * and by category, with percentages. Pure.
 *
 * @example
 * const byNode = nodeTimings(trace.nodes, [2, 3, 4], attributeNodes(model));
 * const byCategory = shares(byNode, 'category');
 */
import { categorize, type CategoryStrategy } from './categories';
import type { NodeAttribution } from './attribution';
import { median } from './stats';
import type { NodeRecord, NodeTiming, Share } from './types';

/**
 * One NodeTiming per node that ran in the timed runs, in execution order: its median time over `runs`
 * (a run where it did not run counts 0; several executions in one run are summed), its share of the sum
 * of all node medians, its category under `strategy` and its attribution.
 * @example nodeTimings(records, [1, 2], () => ({ original: [] }))[0].ms;
 */
export function nodeTimings(records: readonly NodeRecord[], runs: readonly number[],
  attribute: (node: string) => NodeAttribution = () => ({ original: [] }), strategy: CategoryStrategy = 'study'): NodeTiming[] {
  const wanted = new Set(runs);
  const perNode = new Map<string, { rec: NodeRecord; byRun: Map<number, number> }>();
  for (const r of records) {
    if (!wanted.has(r.run)) continue;
    let e = perNode.get(r.node);
    if (!e) { e = { rec: r, byRun: new Map() }; perNode.set(r.node, e); }
    e.byRun.set(r.run, (e.byRun.get(r.run) ?? 0) + r.ms);
  }
  const rows: NodeTiming[] = [...perNode.values()].map(({ rec, byRun }) => {
    const a = attribute(rec.node);
    const t: NodeTiming = {
      node: rec.node, opType: rec.opType,
      category: categorize(strategy, { opType: rec.opType, caffeLayer: a.caffeLayer, caffeType: a.caffeType }),
      ms: median(runs.map((run) => byRun.get(run) ?? 0)), pct: 0, outputShapes: rec.outputShapes,
    };
    if (a.caffeLayer !== undefined) { t.caffeLayer = a.caffeLayer; t.caffeType = a.caffeType; }
    if (a.original.length > 0 && (a.original.length > 1 || a.original[0] !== rec.node)) t.fusedFrom = a.original;
    return t;
  });
  const total = rows.reduce((s, r) => s + r.ms, 0);
  for (const r of rows) r.pct = total > 0 ? (r.ms / total) * 100 : 0;
  return rows;
}

/**
 * Sum node timings by op type or category, largest first (ties by name); pct of the total of all nodes.
 * @example shares([{ node: 'a', opType: 'Conv', category: 'convolution', ms: 3, pct: 75, outputShapes: [] }], 'opType');
 * // [{ type: 'Conv', ms: 3, pct: 75, count: 1 }]
 */
export function shares(timings: readonly NodeTiming[], key: 'opType' | 'category'): Share[] {
  const total = timings.reduce((s, r) => s + r.ms, 0);
  const by = new Map<string, Share>();
  for (const t of timings) {
    const s = by.get(t[key]) ?? { type: t[key], ms: 0, pct: 0, count: 0 };
    s.ms += t.ms; s.count += 1;
    by.set(t[key], s);
  }
  const out = [...by.values()];
  for (const s of out) s.pct = total > 0 ? (s.ms / total) * 100 : 0;
  return out.sort((a, b) => b.ms - a.ms || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/**
 * The timed run whose summed node time is closest to the median of those sums (earliest on ties).
 * @example representativeRun(records, [1, 2, 3]); // 2
 */
export function representativeRun(records: readonly NodeRecord[], runs: readonly number[]): number {
  if (runs.length === 0) return -1;
  const sums = new Map<number, number>(runs.map((r) => [r, 0]));
  for (const r of records) if (sums.has(r.run)) sums.set(r.run, sums.get(r.run)! + r.ms);
  const m = median([...sums.values()]);
  let best = runs[0];
  for (const r of runs) if (Math.abs(sums.get(r)! - m) < Math.abs(sums.get(best)! - m)) best = r;
  return best;
}

/**
 * Sum of node times per run, for coverage: node time of run `r` over its measured time.
 * @example nodeTimePerRun(records, [1]); // Map { 1 => 4.2 }
 */
export function nodeTimePerRun(records: readonly NodeRecord[], runs: readonly number[]): Map<number, number> {
  const sums = new Map<number, number>(runs.map((r) => [r, 0]));
  for (const r of records) if (sums.has(r.run)) sums.set(r.run, sums.get(r.run)! + r.ms);
  return sums;
}

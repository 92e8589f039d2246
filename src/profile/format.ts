/**
 * A readable text report of a ProfileResult: summary, by category, by op type, top nodes (aligned tables).
 * Pure: formatting only.
 *
 * @example
 * console.log(formatProfile(await profileModel('alexnet', settings, { runs: 20 })));
 */
import { alignTable, humanBytes } from '../inspect/format';
import type { ProfileResult, Share, TimingStats } from './types';

const ms = (v: number): string => v.toFixed(3);
const pct = (v: number): string => `${v.toFixed(1)}%`;

function statsLine(s: TimingStats): string {
  return `median ${ms(s.median)} ms (95% CI ${ms(s.ci95[0])}..${ms(s.ci95[1])}), min ${ms(s.min)}, mean ${ms(s.mean)}, p90 ${ms(s.p90)}, ` +
    `IQR ${ms(s.iqr)}, std ${ms(s.std)}, n ${s.n}`;
}

function shareTable(title: string, rows: Share[]): string[] {
  const body = rows.map((r) => [r.type, String(r.count), ms(r.ms), pct(r.pct)]);
  return [title, ...alignTable([['', 'nodes', 'ms', 'share'], ...body], new Set([1, 2, 3])).map((l) => `  ${l}`)];
}

/**
 * The report as text; `top` bounds the node table (default 15).
 * @example formatProfile(result, { top: 5 }).split('\n')[0]; // 'profile of alexnet (...)'
 */
export function formatProfile(r: ProfileResult, opts: { top?: number } = {}): string {
  const o = r.options;
  const lines = [
    `profile of ${r.model.name} (${r.model.path}, ${humanBytes(r.model.fileBytes)})`,
    `options: ${o.runs} runs, warm-up ${o.warmup}, ${o.threads} thread(s), inter-op ${o.interOpThreads}, optimization ${o.optLevel}, ${o.executionMode}, seed ${o.seed}`,
    ...(r.model.ablations ? [`ablations: ${r.model.ablations.join('; ')}`] : []),
    '',
    'summary',
    ...alignTable([
      ['initialization', `${ms(r.init.totalMs)} ms (read ${ms(r.init.readMs)} + session ${ms(r.init.sessionMs)})`],
      ['first inference', `${ms(r.init.firstInferenceMs)} ms`],
      ...(r.init.coldStart ? [['cold start (init)', statsLine(r.init.coldStart)]] : []),
      ...(r.init.coldFirstInference ? [['cold 1st inference', statsLine(r.init.coldFirstInference)]] : []),
      ['inference', statsLine(r.inference)],
      ['memory', `peak ${humanBytes(r.memory.peakRssBytes)}, after init ${humanBytes(r.memory.rssAfterInitBytes)}, before ${humanBytes(r.memory.rssBeforeBytes)}`],
      ['arena', r.memory.arena ? Object.entries(r.memory.arena).map(([k, v]) => `${k} ${humanBytes(v)}`).join(', ') : 'not in the trace'],
      ['coverage', `${pct(r.coverage * 100)} of the profiled run time is in nodes`],
      ['profiling overhead', `x${r.overhead.toFixed(3)}`],
    ], new Set()).map((l) => `  ${l}`),
    '',
    ...shareTable('by category', r.byCategory),
    '',
    ...shareTable('by op type', r.byType),
    '',
  ];
  const top = [...r.byNode].sort((a, b) => b.ms - a.ms).slice(0, opts.top ?? 15);
  const rows = top.map((n) => [n.node, n.opType, n.category, n.caffeLayer ?? '', ms(n.ms), pct(n.pct), n.fusedFrom ? n.fusedFrom.join('+') : '']);
  lines.push(`top ${top.length} of ${r.byNode.length} nodes`,
    ...alignTable([['node', 'op', 'category', 'caffe layer', 'ms', 'share', 'fused from'], ...rows], new Set([4, 5])).map((l) => `  ${l}`));
  return lines.join('\n');
}

/**
 * Figure specs as plain data (plotly's `{ data, layout }` JSON): pure functions from the profiler's
 * records to charts. Nothing here imports plotly; rendering happens at the edge (render.ts, notebook.ts).
 *
 * @example
 * const fig = categoryPie(result.byCategory, { title: 'AlexNet: share of inference time' });
 * await renderFigureFiles(fig, 'reports/study/alexnet-pie', ['svg', 'png']);
 */
import type { NodeRecord, NodeTiming, Share, TimingStats } from '../profile/types';
import { colorOf, colorsFor } from './palette';

/** One plotly trace, as plain JSON. */
export type Trace = { type: string; name?: string } & Record<string, unknown>;
/** A plotly figure as plain JSON: renderable by `Plotly.newPlot(div, fig.data, fig.layout)`. */
export interface Figure { data: Trace[]; layout: Record<string, unknown> }

const FONT = { family: 'DejaVu Sans, Arial, sans-serif', size: 12 };
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function baseLayout(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: { text: title }, font: FONT, paper_bgcolor: 'white', plot_bgcolor: 'white', margin: { l: 70, r: 30, t: 60, b: 60 }, ...extra };
}

/** Shares below `minPct` merged into one "other (< n%)" slice, the rest sorted by share, largest first. */
export function foldSmallShares(shares: Share[], minPct: number): Share[] {
  const big = shares.filter((s) => s.pct >= minPct).sort((a, b) => b.pct - a.pct);
  const small = shares.filter((s) => s.pct < minPct);
  if (small.length === 0) return big;
  const sum = (k: 'ms' | 'pct' | 'count') => small.reduce((t, s) => t + s[k], 0);
  return [...big, { type: `other (< ${minPct}%)`, ms: sum('ms'), pct: sum('pct'), count: sum('count') }];
}

/**
 * Pie of shares of inference time (by the study's layer categories or by op type).
 *
 * @example
 * categoryPie(result.byCategory, { title: 'NIN on this PC', minPct: 1 })
 */
export function categoryPie(shares: Share[], opts: { title: string; minPct?: number }): Figure {
  const s = foldSmallShares(shares, opts.minPct ?? 1);
  return {
    data: [{
      type: 'pie', labels: s.map((x) => x.type), values: s.map((x) => r3(x.ms)), sort: false, direction: 'clockwise',
      marker: { colors: s.map((x) => colorOf(x.type)) }, textinfo: 'label+percent', textposition: 'inside', hole: 0,
      hovertemplate: '%{label}: %{value} ms (%{percent})<extra></extra>',
    }],
    layout: baseLayout(opts.title, { width: 560, height: 440, showlegend: true }),
  };
}

/** One bar of a stacked-share chart: a network or a configuration (e.g. "alexnet, 2 threads"). */
export interface ShareSeries { name: string; shares: Share[] }

/**
 * Stacked bars of shares (percent of the summed node time), one bar per network or configuration, one
 * colour per category, so several networks compare side by side.
 *
 * @example
 * categoryStackedBars([{ name: 'alexnet', shares: a.byCategory }, { name: 'nin', shares: n.byCategory }], { title: 'Share by layer type' })
 */
export function categoryStackedBars(series: ShareSeries[], opts: { title: string }): Figure {
  const totals = new Map<string, number>();
  for (const s of series) for (const x of s.shares) totals.set(x.type, (totals.get(x.type) ?? 0) + x.pct);
  const types = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const names = series.map((s) => s.name);
  return {
    data: types.map((t) => {
      const pct = series.map((s) => r2(s.shares.filter((x) => x.type === t).reduce((a, x) => a + x.pct, 0)));
      return { type: 'bar', name: t, x: names, y: pct, marker: { color: colorOf(t) }, hovertemplate: `${t}: %{y}%<extra>%{x}</extra>` };
    }),
    layout: baseLayout(opts.title, {
      barmode: 'stack', width: Math.max(480, 120 + 110 * series.length), height: 480,
      yaxis: { title: { text: 'share of inference time (%)' }, range: [0, 100], gridcolor: '#ddd' },
      xaxis: { type: 'category', automargin: true }, legend: { traceorder: 'normal' },
    }),
  };
}

/** One bar with an error bar: a group on the x axis (network), a series (colour), an optional panel. */
export interface TimingBar {
  group: string;
  series: string;
  /** Median and its 95% interval, ms (a bare number has no error bar). */
  stats: Pick<TimingStats, 'median'> & { ci95?: [number, number] };
  /** Side-by-side panels with their own y axis (e.g. "initialization", "inference"). */
  panel?: string;
}

/**
 * Grouped bars of times with error bars from the 95% interval of the median; bars with different
 * `panel`s go into side-by-side panels, each with its own y axis.
 *
 * @example
 * timingBars([{ group: 'alexnet', series: '1 thread', stats: r.inference }], { title: 'Inference time', yTitle: 'ms' })
 */
export function timingBars(bars: TimingBar[], opts: { title: string; yTitle?: string }): Figure {
  const panels = [...new Set(bars.map((b) => b.panel ?? ''))];
  const seriesNames = [...new Set(bars.map((b) => b.series))];
  const colors = colorsFor(seriesNames);
  const gap = 0.1;
  const w = (1 - gap * (panels.length - 1)) / panels.length;
  const layout = baseLayout(opts.title, { barmode: 'group', width: Math.max(520, 300 * panels.length + 60 * bars.length / panels.length), height: 440 });
  const data: Trace[] = [];
  panels.forEach((panel, pi) => {
    const ax = pi === 0 ? '' : String(pi + 1);
    layout[`xaxis${ax}`] = { domain: [r3(pi * (w + gap)), r3(pi * (w + gap) + w)], anchor: `y${ax}`, type: 'category', automargin: true, title: { text: panel } };
    layout[`yaxis${ax}`] = { anchor: `x${ax}`, title: { text: pi === 0 ? (opts.yTitle ?? 'time (ms)') : '' }, rangemode: 'tozero', gridcolor: '#ddd' };
    for (const s of seriesNames) {
      const mine = bars.filter((b) => (b.panel ?? '') === panel && b.series === s);
      if (mine.length === 0) continue;
      const med = mine.map((b) => r3(b.stats.median));
      data.push({
        type: 'bar', name: s, legendgroup: s, showlegend: pi === 0 || !panels.slice(0, pi).some((p) => bars.some((b) => (b.panel ?? '') === p && b.series === s)),
        x: mine.map((b) => b.group), y: med, xaxis: `x${ax}`, yaxis: `y${ax}`, marker: { color: colors[s] },
        text: med.map((m) => (m >= 100 ? m.toFixed(0) : m.toFixed(1))), textposition: 'inside', insidetextanchor: 'start',
        error_y: {
          type: 'data', symmetric: false, visible: mine.some((b) => b.stats.ci95),
          array: mine.map((b) => r3(b.stats.ci95 ? Math.max(0, b.stats.ci95[1] - b.stats.median) : 0)),
          arrayminus: mine.map((b) => r3(b.stats.ci95 ? Math.max(0, b.stats.median - b.stats.ci95[0]) : 0)),
        },
      });
    }
  });
  return { data, layout };
}

/** Start offset (ms from the first node's start) and duration of each node of one run, in order. */
export interface WaterfallRow { node: string; opType: string; startMs: number; ms: number }

/**
 * The rows of a waterfall from one run's node records: their `startMs` when the trace gave it
 * (relative to the first node), otherwise back to back in record order.
 *
 * @example
 * waterfallRows(result.nodes)[0] // { node: 'conv1', opType: 'Conv', startMs: 0, ms: 3.1 }
 */
export function waterfallRows(nodes: NodeRecord[]): WaterfallRow[] {
  const timed = nodes.every((n) => typeof n.startMs === 'number');
  const ordered = timed ? [...nodes].sort((a, b) => a.startMs! - b.startMs!) : nodes;
  const t0 = timed && ordered.length ? ordered[0].startMs! : 0;
  let cursor = 0;
  return ordered.map((n) => {
    const startMs = timed ? n.startMs! - t0 : cursor;
    cursor += n.ms;
    return { node: n.node, opType: n.opType, startMs, ms: n.ms };
  });
}

/**
 * Per-node waterfall of one run: horizontal bars from each node's start offset over its duration,
 * first node at the top, one colour (and legend entry) per op type.
 *
 * @example
 * nodeWaterfall(result.nodes, { title: 'GoogLeNet: one run, node by node' })
 */
export function nodeWaterfall(nodes: NodeRecord[], opts: { title: string; labelOf?: (n: WaterfallRow) => string }): Figure {
  const rows = waterfallRows(nodes);
  const label = opts.labelOf ?? ((n: WaterfallRow) => n.node);
  const ops = [...new Set(rows.map((r) => r.opType))];
  return {
    data: ops.map((op) => {
      const mine = rows.filter((r) => r.opType === op);
      return {
        type: 'bar', orientation: 'h', name: op, y: mine.map(label), x: mine.map((r) => r3(r.ms)), base: mine.map((r) => r3(r.startMs)),
        marker: { color: colorOf(op) }, hovertemplate: '%{y}: %{x} ms from %{base} ms<extra>' + op + '</extra>',
      };
    }),
    layout: baseLayout(opts.title, {
      barmode: 'overlay', width: 900, height: Math.max(320, 120 + 14 * rows.length), bargap: 0.15,
      margin: { l: 200, r: 30, t: 60, b: 60 },
      xaxis: { title: { text: 'time from the first node (ms)' }, gridcolor: '#ddd', rangemode: 'tozero' },
      yaxis: { type: 'category', categoryorder: 'array', categoryarray: rows.map(label), autorange: 'reversed', tickfont: { size: 9 } },
    }),
  };
}

/**
 * The `n` most expensive nodes (median over the timed runs) as horizontal bars coloured by category:
 * which single layer costs most.
 *
 * @example
 * topNodesBars(result.byNode, { title: 'AlexNet: the 10 most expensive layers', n: 10 })
 */
export function topNodesBars(byNode: NodeTiming[], opts: { title: string; n?: number }): Figure {
  const top = [...byNode].sort((a, b) => b.ms - a.ms).slice(0, opts.n ?? 10);
  const cats = [...new Set(top.map((t) => t.category))];
  return {
    data: cats.map((c) => {
      const mine = top.filter((t) => t.category === c);
      return {
        type: 'bar', orientation: 'h', name: c, y: mine.map((t) => t.caffeLayer ?? t.node), x: mine.map((t) => r3(t.ms)),
        text: mine.map((t) => `${r2(t.pct).toFixed(1)}%`), textposition: 'outside', marker: { color: colorOf(c) },
      };
    }),
    layout: baseLayout(opts.title, {
      barmode: 'overlay', width: 760, height: Math.max(320, 140 + 26 * top.length), margin: { l: 180, r: 60, t: 60, b: 60 },
      xaxis: { title: { text: 'median time (ms)' }, gridcolor: '#ddd', rangemode: 'tozero' },
      yaxis: { type: 'category', categoryorder: 'array', categoryarray: top.map((t) => t.caffeLayer ?? t.node), autorange: 'reversed' },
    }),
  };
}

/** One variant of an ablation study: time saved against accuracy lost, each with its 95% interval. */
export interface ScatterPoint {
  label: string;
  /** Baseline median - variant median (ms) and its interval. */
  savedMs: number;
  savedCi95: [number, number];
  /** The same as % of the baseline median (shown on hover). */
  savedPct?: number;
  /** Top-1 accuracy lost, percentage points (baseline - variant), and its paired interval. */
  lossPct: number;
  lossCi95: [number, number];
  /** Series (colour), e.g. the network; default one series. */
  group?: string;
}

/**
 * Cost against contribution: one marker per variant at (time saved, top-1 accuracy lost) with error bars in
 * both directions from the intervals, one colour per group, dotted zero lines. Points in the lower right save
 * time and cost no accuracy.
 *
 * @example
 * ablationScatter([{ label: 'bypass node norm1', savedMs: 0.1, savedCi95: [0.08, 0.12], lossPct: 17.8, lossCi95: [15.2, 20.4] }], { title: 'cifar10_full' })
 */
export function ablationScatter(points: ScatterPoint[], opts: { title: string; labels?: boolean }): Figure {
  const groups = [...new Set(points.map((p) => p.group ?? ''))];
  const colors = colorsFor(groups.map((g) => g || 'variants'));
  const data: Trace[] = groups.map((g) => {
    const mine = points.filter((p) => (p.group ?? '') === g);
    return {
      type: 'scatter', mode: opts.labels ? 'markers+text' : 'markers', name: g || 'variants',
      x: mine.map((p) => r3(p.savedMs)), y: mine.map((p) => r3(p.lossPct)), text: mine.map((p) => p.label),
      textposition: 'top center', textfont: { size: 9 },
      customdata: mine.map((p) => [r2(p.savedPct ?? 0)]),
      marker: { color: colors[g || 'variants'], size: 8 },
      error_x: { type: 'data', symmetric: false, array: mine.map((p) => r3(Math.max(0, p.savedCi95[1] - p.savedMs))), arrayminus: mine.map((p) => r3(Math.max(0, p.savedMs - p.savedCi95[0]))), thickness: 1 },
      error_y: { type: 'data', symmetric: false, array: mine.map((p) => r3(Math.max(0, p.lossCi95[1] - p.lossPct))), arrayminus: mine.map((p) => r3(Math.max(0, p.lossPct - p.lossCi95[0]))), thickness: 1 },
      hovertemplate: '%{text}<br>saved %{x} ms (%{customdata[0]}%)<br>top-1 lost %{y} points<extra></extra>',
    };
  });
  const zero = (axis: 'x' | 'y') => ({ type: 'line', xref: axis === 'x' ? 'x' : 'paper', yref: axis === 'y' ? 'y' : 'paper',
    x0: axis === 'x' ? 0 : 0, x1: axis === 'x' ? 0 : 1, y0: axis === 'y' ? 0 : 0, y1: axis === 'y' ? 0 : 1, line: { color: '#888', dash: 'dot', width: 1 } });
  return {
    data,
    layout: baseLayout(opts.title, {
      width: 760, height: 520, showlegend: groups.length > 1,
      xaxis: { title: { text: 'inference time saved (ms, median, 95% CI)' }, gridcolor: '#ddd', zeroline: false },
      yaxis: { title: { text: 'top-1 accuracy lost (points, paired 95% CI)' }, gridcolor: '#ddd', zeroline: false },
      shapes: [zero('x'), zero('y')],
    }),
  };
}

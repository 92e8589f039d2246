/**
 * The ablation study's records as table rows, text and scatter points (pure): one row per variant with its
 * time, the time saved, the removed share, accuracy and the paired comparison against the baseline.
 *
 * @example
 * console.log(formatAblationStudy(result.records));
 * showFigure(ablationScatter(ablationPoints(result.records), { title: 'SqueezeNet 1.1' }));
 */
import { alignTable } from '../inspect/format';
import type { ScatterPoint } from '../report/figures';
import type { AblationRecord } from './ablationRecords';

/** One row per variant, numbers rounded for display (ms to 3 decimals, percentages to 2). */
export interface AblationRow {
  variant: string;
  medianMs: number;
  ci95: string;
  savedMs: number | null;
  savedPct: number | null;
  savedCi95: string;
  /** The removed nodes' share of the baseline's node time, %; `fused` when onnxruntime fused them into kept nodes, `not run` when it eliminated them. */
  removedShare: string;
  top1: number | null;
  top5: number | null;
  top1Change: number | null;
  top1LossCi95: string;
  lost: number | null;
  gained: number | null;
  mcnemarP: number | null;
  top1Agreement: number | null;
}

const r = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const range = (lo: number, hi: number, d: number): string => `[${r(lo, d).toFixed(d)}, ${r(hi, d).toFixed(d)}]`;

/**
 * Rows of a study (records as `ablationStudy` returns them, baseline first).
 * @example ablationRows(result.records)[1].removedShare // '20.98' (or 'fused', 'not run')
 */
export function ablationRows(records: readonly AblationRecord[]): AblationRow[] {
  return records.map((x) => {
    const a = x.accuracy, p = a?.paired ?? null, c = x.cost;
    return {
      variant: x.variant.id, medianMs: r(x.timing.inference.median, 3), ci95: range(x.timing.inference.ci95[0], x.timing.inference.ci95[1], 3),
      savedMs: c ? r(c.saved.ms, 3) : null, savedPct: c ? r(c.saved.pct, 2) : null, savedCi95: c ? range(c.saved.ci95[0], c.saved.ci95[1], 3) : '',
      removedShare: !c ? '' : c.removed.nodes.length ? r(c.removed.pct, 2).toFixed(2) : c.removed.fusedInto.length ? 'fused' : c.removed.notRun.length ? 'not run' : '0.00',
      top1: a ? r(100 * a.top1.rate, 2) : null, top5: a ? r(100 * a.top5.rate, 2) : null,
      top1Change: p ? r(100 * p.top1.delta, 2) : null, top1LossCi95: p ? range(100 * p.top1LossCi95[0], 100 * p.top1LossCi95[1], 2) : '',
      lost: p ? p.top1.onlyA : null, gained: p ? p.top1.onlyB : null, mcnemarP: p ? Number(p.top1.mcnemar.p.toPrecision(3)) : null,
      top1Agreement: p ? r(100 * p.top1Agreement, 2) : null,
    };
  });
}

/** Columns of `ablationRows`, in display order. */
export const ABLATION_COLUMNS: (keyof AblationRow)[] = ['variant', 'medianMs', 'ci95', 'savedMs', 'savedPct', 'savedCi95', 'removedShare',
  'top1', 'top5', 'top1Change', 'top1LossCi95', 'lost', 'gained', 'mcnemarP', 'top1Agreement'];

const HEADERS: Record<keyof AblationRow, string> = {
  variant: 'variant', medianMs: 'median ms', ci95: '95% CI', savedMs: 'saved ms', savedPct: 'saved %', savedCi95: 'saved 95% CI',
  removedShare: 'removed share %', top1: 'top-1 %', top5: 'top-5 %', top1Change: 'top-1 change', top1LossCi95: 'top-1 loss 95% CI',
  lost: 'lost', gained: 'gained', mcnemarP: 'McNemar p', top1Agreement: 'agree %',
};

/**
 * The study as an aligned text table; accuracy columns only when the study evaluated images.
 * @example formatAblationStudy(result.records).split('\n')[0] // 'variant  median ms  95% CI ...'
 */
export function formatAblationStudy(records: readonly AblationRecord[]): string {
  const rows = ablationRows(records);
  const withAccuracy = records.some((x) => x.accuracy);
  const cols = ABLATION_COLUMNS.filter((c) => withAccuracy || !['top1', 'top5', 'top1Change', 'top1LossCi95', 'lost', 'gained', 'mcnemarP', 'top1Agreement'].includes(c));
  const cells = rows.map((row) => cols.map((c) => { const v = row[c]; return v === null ? '' : String(v); }));
  const right = new Set(cols.map((c, i) => (c === 'variant' ? -1 : i)).filter((i) => i >= 0));
  return alignTable([cols.map((c) => HEADERS[c]), ...cells], right).join('\n');
}

/**
 * Scatter points (time saved against top-1 accuracy lost, with intervals) for every variant but the baseline.
 * Accuracy lost is in percentage points (baseline - variant); timing-only studies give points with no accuracy (left out).
 * @example ablationPoints(records)[0] // { label: 'bypass node norm1', savedMs: 0.097, savedCi95: [...], lossPct: 17.8, lossCi95: [...] }
 */
export function ablationPoints(records: readonly AblationRecord[], group?: string): ScatterPoint[] {
  return records.filter((x) => x.cost && x.accuracy?.paired).map((x) => {
    const p = x.accuracy!.paired!, c = x.cost!;
    return {
      label: x.variant.id, savedMs: c.saved.ms, savedCi95: c.saved.ci95, savedPct: c.saved.pct,
      lossPct: -100 * p.top1.delta, lossCi95: [100 * p.top1LossCi95[0], 100 * p.top1LossCi95[1]], ...(group ? { group } : {}),
    };
  });
}

const pct = (x: number, d = 2): string => `${(100 * x).toFixed(d)}%`;
const pValue = (p: number): string => (p === 0 ? '< 1e-300' : p < 1e-4 ? p.toExponential(1) : p.toPrecision(2));

/**
 * One plain sentence per variant: the time it saves (with the interval), the removed nodes' share of the
 * baseline, and — when images were evaluated — top-1 before and after with the paired comparison.
 * @example describeVariants(records)
 * // 'bypass node norm1: saves 0.097 ms of 0.340 ms (28.4%, 95% CI 20.1% to 33.0%); its nodes took 21.0% of the baseline's node time. Top-1 77.20% -> 59.40% (-17.80 points, 95% CI ...): 113 images lost, 24 gained, McNemar p = 5.5e-14; same top-1 class on 72.4% of images.'
 */
export function describeVariants(records: readonly AblationRecord[]): string {
  const base = records.find((x) => x.variant.id === 'baseline');
  return records.filter((x) => x.cost).map((x) => {
    const c = x.cost!, s = c.saved;
    let line = `${x.variant.id}: saves ${s.ms.toFixed(3)} ms of ${base ? base.timing.inference.median.toFixed(3) : '?'} ms (${s.pct.toFixed(1)}%, 95% CI ${s.pctCi95[0].toFixed(1)}% to ${s.pctCi95[1].toFixed(1)}%)`;
    line += `; its nodes took ${c.removed.pct.toFixed(1)}% of the baseline's node time` +
      (c.removed.fusedInto.length ? ` (plus a part of ${c.removed.fusedInto.length} node(s) it was fused into)` : '') +
      (c.removed.notRun.length ? ` (${c.removed.notRun.length} removed node(s) did not run at all)` : '') + '.';
    const p = x.accuracy?.paired;
    if (base?.accuracy && x.accuracy && p) {
      line += ` Top-1 ${pct(base.accuracy.top1.rate)} -> ${pct(x.accuracy.top1.rate)} (${(100 * p.top1.delta).toFixed(2)} points, 95% CI of the loss ${(100 * p.top1LossCi95[0]).toFixed(2)} to ${(100 * p.top1LossCi95[1]).toFixed(2)}) on ${p.n} images: ` +
        `${p.top1.onlyA} images lost, ${p.top1.onlyB} gained, McNemar p = ${pValue(p.top1.mcnemar.p)}; top-5 ${pct(base.accuracy.top5.rate)} -> ${pct(x.accuracy.top5.rate)}; same top-1 class on ${pct(p.top1Agreement, 1)} of images.`;
    }
    return line;
  }).join('\n');
}

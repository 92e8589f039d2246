/**
 * The profiler's records as danfojs-node DataFrames, for notebooks (the only importer of danfojs-node).
 * Frames are built at the edge from plain records; nothing else in layerlab depends on them.
 *
 * @example
 * const df = sharesFrame(result.byCategory); df.print();
 * display.html(frameHtml(nodesFrame(result.byNode).head(10)));
 */
import type { NodeTiming, Share } from '../profile/types';
import type { Verdict } from '../study/statements';
import { flattenStudyRow, STUDY_TABLE_COLUMNS, type StudyTableRow } from '../study/table';

// eslint-disable-next-line @typescript-eslint/no-var-requires
type Danfo = typeof import('danfojs-node');
export type DataFrame = InstanceType<Danfo['DataFrame']>;

let danfo: Danfo | undefined;
/** danfojs-node, loaded on first use (it takes a second to load). */
function dfd(): Danfo {
  danfo ??= require('danfojs-node') as Danfo;
  return danfo;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A frame from plain rows with the given columns, in order (missing cells become empty strings).
 * @example rowsFrame([{ a: 1 }], ['a']).shape // [1, 1]
 */
export function rowsFrame(rows: Record<string, unknown>[], columns: string[]): DataFrame {
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c];
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v;
  }));
  return new (dfd().DataFrame)(data as (string | number)[][], { columns });
}

/**
 * Shares (by op type or the study's categories) as a frame: type, ms, pct, count; largest first.
 * @example sharesFrame(result.byCategory).column('pct')
 */
export function sharesFrame(shares: Share[]): DataFrame {
  const rows = [...shares].sort((a, b) => b.pct - a.pct).map((s) => ({ type: s.type, ms: r3(s.ms), pct: r3(s.pct), count: s.count }));
  return rowsFrame(rows, ['type', 'ms', 'pct', 'count']);
}

/**
 * Per-node timings as a frame, most expensive first: node, caffeLayer, opType, category, ms, pct, output shape.
 * @example nodesFrame(result.byNode).head(5).print()
 */
export function nodesFrame(byNode: NodeTiming[]): DataFrame {
  const rows = [...byNode].sort((a, b) => b.ms - a.ms).map((n) => ({
    node: n.node, caffeLayer: n.caffeLayer ?? '', opType: n.opType, category: n.category, ms: r3(n.ms), pct: r3(n.pct),
    outputShape: n.outputShapes.map((s) => s.join('x')).join(' '),
  }));
  return rowsFrame(rows, ['node', 'caffeLayer', 'opType', 'category', 'ms', 'pct', 'outputShape']);
}

/**
 * The study's table, measured here beside the published figures.
 * @example studyTableFrame(report.table).print()
 */
export function studyTableFrame(rows: StudyTableRow[]): DataFrame {
  return rowsFrame(rows.map(flattenStudyRow), STUDY_TABLE_COLUMNS);
}

/**
 * The study's statements with their verdicts.
 * @example verdictsFrame(report.verdicts).print()
 */
export function verdictsFrame(verdicts: Verdict[]): DataFrame {
  return rowsFrame(verdicts as unknown as Record<string, unknown>[], ['config', 'id', 'verdict', 'published', 'measured', 'detail']);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A frame as an HTML table (for tslab's `display.html`, which Jupyter shows even in untrusted notebooks).
 * @example display.html(frameHtml(sharesFrame(r.byCategory)))
 */
export function frameHtml(df: DataFrame): string {
  const cols = df.columns as string[];
  const values = df.values as unknown as unknown[][];
  const cell = (v: unknown) => esc(typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v ?? ''));
  return `<table><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>` +
    values.map((row) => `<tr>${row.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
}

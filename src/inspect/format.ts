/**
 * Plain-text rendering of an `Inspection`: a summary block and an aligned per-node table with human
 * units (61.0 M parameters, 0.72 G MACs). Pure: returns a string.
 *
 * @example
 * console.log(formatInspection(inspectModel(model, { fileBytes }), { title: 'alexnet.onnx' }));
 * humanCount(60965224, 'M'); // '61.0 M'
 */
import type { Shape } from '../graph/shapes';
import type { Inspection } from './inspect';

const UNITS = { k: 1e3, M: 1e6, G: 1e9 } as const;
export type CountUnit = keyof typeof UNITS;

/** A count in human units: plain below 1000, else k/M with one decimal, G with two; `unit` forces one. */
export function humanCount(n: number | null, unit?: CountUnit): string {
  if (n === null) return '?';
  const u: CountUnit | undefined = unit ?? (n >= 1e9 ? 'G' : n >= 1e6 ? 'M' : n >= 1e3 ? 'k' : undefined);
  if (!u) return String(n);
  return `${(n / UNITS[u]).toFixed(u === 'G' ? 2 : 1)} ${u}`;
}

/** Bytes in B, KB, MB or GB (powers of 1024). */
export function humanBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** A shape as `1x96x54x54`; `?` for an unknown dim or rank; `scalar` for rank 0. */
export function formatShape(s: Shape | null): string {
  if (s === null) return '?';
  if (s.length === 0) return 'scalar';
  return s.map((d) => (d === null ? '?' : String(d))).join('x');
}

/** Align rows of cells; columns listed in `right` are right-aligned. */
export function alignTable(rows: string[][], right: Set<number>): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

export interface FormatOptions {
  /** Shown on the first line, e.g. the file name. */
  title?: string;
  /** Also list constant nodes (ConstantOfShape weights...); default false. */
  showConstants?: boolean;
}

/** The whole inspection as text: summary, then one row per node. */
export function formatInspection(ins: Inspection, opts: FormatOptions = {}): string {
  const io = (vs: Inspection['inputs']) => vs.map((v) => `${v.name} ${v.elemType} [${formatShape(v.shape)}]`).join(', ') || '-';
  const lines: string[] = [];
  const summary: [string, string][] = [
    ['model', `${opts.title ?? '-'}${ins.fileBytes === null ? '' : ` (${humanBytes(ins.fileBytes)})`}`],
    ['opset', String(ins.opset)],
    ['inputs', io(ins.inputs)],
    ['outputs', io(ins.outputs)],
    ['params', `${humanCount(ins.params, 'M')} (${ins.params.toLocaleString('en-US')})`],
    ['MACs', `${humanCount(ins.macs, 'G')} (${ins.macs.toLocaleString('en-US')}; Conv and Gemm/MatMul only)`],
    ['ops', Object.entries(ins.opHistogram).map(([op, n]) => `${op} ${n}`).join(', ')],
    ['unknown', ins.unknownShapeNodes === 0 ? 'every shape inferred'
      : `${ins.unknownShapeNodes} node(s) with unknown shapes: ${ins.unknownNodes.map((u) => `${u.name} (${u.opType}, ${u.reason})`).join(', ')}`],
  ];
  const w = Math.max(...summary.map(([k]) => k.length));
  for (const [k, v] of summary) lines.push(`${k.padEnd(w)}  ${v}`);
  lines.push('');
  const shown = ins.nodes.filter((n) => opts.showConstants || !n.constant);
  const rows = [['#', 'name', 'op', 'output', 'params', 'MACs', '%MACs']];
  shown.forEach((n, i) => rows.push([String(i + 1), n.name, n.opType, formatShape(n.outputShape), n.params ? humanCount(n.params) : '0',
    n.macs ? humanCount(n.macs) : n.macs === null ? '?' : '0', n.macs && ins.macs ? `${((100 * n.macs) / ins.macs).toFixed(1)}%` : '']));
  lines.push(...alignTable(rows, new Set([0, 4, 5, 6])));
  const hidden = ins.nodes.length - shown.length;
  if (hidden > 0) lines.push('', `(${hidden} constant node(s) not listed: their outputs are counted as the params of the nodes reading them)`);
  return lines.join('\n');
}

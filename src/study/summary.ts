/**
 * The inspection of the study's networks as a Markdown table beside the published figures.
 *
 * @example
 * inspectionMarkdown(rows) // '| network | file size | parameters | ... |'
 */
import type { NetworkInspection } from './inspection';

const mega = (n: number) => `${(n / 1e6).toFixed(2)} M`;
const giga = (n: number) => `${(n / 1e9).toFixed(3)} G`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

export function inspectionMarkdown(rows: NetworkInspection[]): string {
  const lines = [
    '| network | ONNX file size | parameters | published | MACs (Conv + Gemm/MatMul) | published | nodes | nodes without shape rule |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.network} | ${mb(r.fileBytes)} | ${mega(r.params)} | ${r.published?.params ? mega(r.published.params) : '-'} | ${giga(r.macs)} | ${r.published?.macs ? giga(r.published.macs) : '-'} | ${r.nodes} | ${r.unknownShapeNodes} |`),
  ];
  return lines.join('\n') + '\n';
}


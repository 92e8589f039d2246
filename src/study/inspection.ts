/**
 * The study's networks inspected side by side: model size, parameters, MACs, operator mix.
 * The first part of the reproduction (the profiler adds timing).
 *
 * @example
 * const rows = await inspectNetworks(['alexnet', 'nin', 'googlenet'], settingsFrom(process.env));
 */
import * as fs from 'fs';
import { readModel } from '../onnx';
import { inspectModel } from '../inspect/inspect';
import { resolveModel, type Settings } from '../registry';

export interface NetworkInspection {
  network: string;
  file: string;
  fileBytes: number;
  params: number;
  macs: number;
  nodes: number;
  unknownShapeNodes: number;
  opHistogram: Record<string, number>;
  published?: { params?: number; macs?: number; top1?: number; top5?: number; source: string };
}

/** The study's three networks, by registry name. */
export const STUDY_NETWORKS = ['alexnet', 'nin', 'googlenet'];

export async function inspectNetworks(names: string[], settings: Settings, opts: { seed?: number } = {}): Promise<NetworkInspection[]> {
  const rows: NetworkInspection[] = [];
  for (const name of names) {
    const r = await resolveModel(name, settings, { seed: opts.seed });
    const model = await readModel(r.path);
    const ins = inspectModel(model, { fileBytes: fs.statSync(r.path).size });
    rows.push({
      network: name, file: r.path, fileBytes: ins.fileBytes ?? fs.statSync(r.path).size, params: ins.params, macs: ins.macs,
      nodes: ins.nodes.length, unknownShapeNodes: ins.unknownShapeNodes, opHistogram: ins.opHistogram, published: r.entry?.published,
    });
  }
  return rows;
}

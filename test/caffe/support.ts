/**
 * Helpers of the Caffe importer tests: the shared Caffe files, Caffe's reported shapes, running an
 * imported model in onnxruntime with every intermediate tensor exposed, and float comparison.
 *
 * @example
 * const shapes = caffeShapes('bvlc_alexnet'); shapes.get('pool1') // [1, 96, 27, 27]
 */
import * as fs from 'fs';
import type { Model } from '../../src/graph/types';
import type { LayerRecord } from '../../src/caffe';
import { encodeModel } from '../../src/onnx';
import { openSession, type HostTensor } from '../../src/runtime';
import { sharedFile } from '../support/paths';

export const caffeFile = (...parts: string[]): string => sharedFile('models', 'caffe', ...parts);

/** Caffe's per-layer top shapes (`layer<TAB>N C H W`), `*_split` layers left out. */
export function caffeShapes(net: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of fs.readFileSync(caffeFile('caffe-shapes', `${net}.tsv`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [layer, dims] = line.split('\t');
    if (layer.endsWith('_split')) continue;
    out.set(layer, dims.trim().split(/\s+/).map(Number));
  }
  return out;
}

/** The layer records the importer writes to metadata `caffe:layers`. */
export function layerRecords(model: Model): LayerRecord[] {
  return JSON.parse(model.metadata['caffe:layers']) as LayerRecord[];
}

/** A copy of the model whose graph outputs also include `extra` tensors (shapes left unknown). */
export function withOutputs(model: Model, extra: string[]): Model {
  const have = new Set(model.graph.outputs.map((o) => o.name));
  const outputs = [...model.graph.outputs, ...extra.filter((n) => !have.has(n)).map((name) => ({ name, type: { kind: 'tensor' as const, elemType: 1 } }))];
  return { ...model, graph: { ...model.graph, outputs } };
}

/** Run a model in onnxruntime (optimizations off, so every tensor is computed as written). */
export async function runModel(model: Model, feeds: Record<string, HostTensor>): Promise<Record<string, HostTensor>> {
  const s = await openSession(encodeModel(model), { optimizationLevel: 'disabled', intraOpThreads: 1 });
  try { return await s.run(feeds); } finally { await s.release(); }
}

/** Read a raw little-endian float32 file. */
export function readF32(file: string): Float32Array {
  const b = fs.readFileSync(file);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * Compare floats like numpy's allclose, with the absolute tolerance scaled to the reference's largest
 * magnitude: |a - b| <= rtol * |b| + atolFrac * max|b|. Returns the first failing index (-1 if none),
 * the largest absolute difference and it relative to max|b|.
 */
export function closeness(a: ArrayLike<number>, b: ArrayLike<number>, rtol = 1e-4, atolFrac = 1e-6): { bad: number; index: number; maxAbs: number; relToMax: number } {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  let bad = 0, index = -1, maxAbs = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= rtol * Math.abs(b[i]) + atolFrac * scale)) { bad++; if (index < 0) index = i; }
    maxAbs = Math.max(maxAbs, d);
  }
  return { bad, index, maxAbs, relToMax: scale === 0 ? maxAbs : maxAbs / scale };
}

/** Assert `closeness` finds no failing element, naming the first failing index and both values. */
export function assertClose(what: string, a: ArrayLike<number>, b: ArrayLike<number>, rtol = 1e-4, atolFrac = 1e-6): void {
  const c = closeness(a, b, rtol, atolFrac);
  if (c.bad > 0) {
    throw new Error(`${what}: ${c.bad} of ${b.length} values differ beyond rtol ${rtol} (atol ${atolFrac} x max|ref|); first at index ${c.index}: ${a[c.index]} vs ${b[c.index]}; max abs diff ${c.maxAbs}`);
  }
}

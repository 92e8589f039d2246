/**
 * The state of one conversion (nodes, initializers, value types, which ONNX tensor holds each Caffe
 * blob now) and the per-layer view that layer converters use: `emit` a node, add a `constant`, fetch a
 * learned `blob` (from the caffemodel, shape-checked, or seeded random), `alias` a top.
 * In-place layers (top == bottom) get a fresh tensor name, since ONNX assigns every tensor once.
 *
 * @example
 * const conv = makeConversion({ weights: undefined, rng: seededRandom(0) });
 * conv.defineInput('data', [1, 3, 8, 8]);
 */
import { ModelFormatError } from '../errors';
import { FLOAT, tensorFromValues } from '../graph/tensor';
import type { Attribute, DataType, Node, Tensor, ValueInfo } from '../graph/types';
import type { Random } from '../util/random';
import type { CaffeLayerWeights } from './caffemodel';
import type { CaffeLayer } from './net';
import type { TextMessage } from './prototxt';
import { sub } from './net';

/** A Caffe blob as it is now: the ONNX tensor holding it and its static shape. */
export interface Blob { tensor: string; shape: number[] }

/**
 * How a learned blob is filled when no caffemodel provides it: `he` uniform in +-sqrt(6 / fan_in)
 * (fan_in = product of the blob's axes after the first), `bias` uniform in +-0.01, `zero`, `one`.
 */
export type WeightInit = 'he' | 'bias' | 'zero' | 'one';

/** What a layer converter sees and does. */
export interface LayerContext {
  readonly layer: CaffeLayer;
  /** The layer's bottoms, resolved to their current tensors. */
  readonly inputs: Blob[];
  /** A `*_param` message of the layer (`{}` when absent). */
  param(field: string): TextMessage;
  /**
   * Add a node. Without `aux` it is the layer's node named after the layer, producing top `top`
   * (default 0); with `aux` it is a helper node `<layer>/<aux>` whose output is returned.
   */
  emit(opType: string, inputs: string[], attributes: Record<string, Attribute>, shape: number[], opts?: { aux?: string; top?: number }): string;
  /** Add an initializer `<layer>/<suffix>` and return its name. */
  constant(suffix: string, dims: number[], values: ArrayLike<number>, dataType?: DataType): string;
  /** Learned blob `index` of the layer with Caffe shape `shape`: from the caffemodel (checked) or random. */
  blob(index: number, shape: number[], init: WeightInit, what: string): Float32Array;
  /** Make top `top` refer to an existing tensor (no node), as Caffe's Split does. */
  alias(top: number, blob: Blob): void;
  /** A ModelFormatError about this layer: `layer "<name>" (<type>): <problem>`. */
  fail(problem: string): ModelFormatError;
}

/** One converted layer, recorded in model metadata so time can be attributed to Caffe layers. */
export interface LayerRecord { name: string; type: string; nodes: string[]; tops: string[] }

export interface Conversion {
  nodes: Node[];
  initializers: Tensor[];
  valueInfo: ValueInfo[];
  records: LayerRecord[];
  /** Layers given random values although a caffemodel was supplied (absent from it). */
  randomLayers: string[];
  defineInput(name: string, shape: number[]): void;
  /** Resolve a Caffe blob name to its current tensor. */
  blobOf(name: string): Blob | undefined;
  /** Caffe blob names produced and not consumed afterwards (Caffe's rule for net outputs), in order. */
  outputs(): Blob[];
  layerContext(layer: CaffeLayer): LayerContext;
}

/** The value shape a layer expects vs. what a caffemodel holds: equal, or equal as legacy 4-D dims. */
function shapeMatches(expected: number[], actual: number[], legacy: boolean): boolean {
  const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
  if (same(expected, actual)) return true;
  if (!legacy || expected.length > 4) return false;
  return same([1, 1, 1, 1, ...expected].slice(-4), actual);
}

function fill(shape: number[], init: WeightInit, rng: Random): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  if (init === 'one') out.fill(1);
  else if (init === 'he') {
    const fanIn = shape.slice(1).reduce((a, b) => a * b, 1);
    const a = Math.sqrt(6 / Math.max(1, fanIn)); // He (Kaiming) uniform: variance 2 / fan_in
    for (let i = 0; i < n; i++) out[i] = (2 * rng.uniform() - 1) * a;
  } else if (init === 'bias') for (let i = 0; i < n; i++) out[i] = (2 * rng.uniform() - 1) * 0.01;
  return out;
}

/**
 * Start a conversion. With `placeholders`, blobs absent from the weights are zeros (`he`, `bias`) or
 * ones, to be filled afterwards by `randomizeWeights`.
 * @example
 * const c = makeConversion({ rng: seededRandom(1) }); c.defineInput('data', [1, 3, 32, 32]);
 */
export function makeConversion(opts: { weights?: Map<string, CaffeLayerWeights>; rng: Random; placeholders?: boolean }): Conversion {
  const nodes: Node[] = [], initializers: Tensor[] = [], valueInfo: ValueInfo[] = [], records: LayerRecord[] = [];
  const randomLayers: string[] = [];
  const used = new Set<string>();
  const current = new Map<string, Blob>();
  const available: string[] = [];
  const unique = (base: string): string => {
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  };
  const info = (name: string, shape: number[]): ValueInfo => ({ name, type: { kind: 'tensor', elemType: FLOAT, shape: [...shape] } });

  return {
    nodes, initializers, valueInfo, records, randomLayers,
    defineInput(name, shape) {
      used.add(name);
      current.set(name, { tensor: name, shape });
      available.push(name);
    },
    blobOf: (name) => current.get(name),
    outputs: () => available.map((b) => current.get(b)!),
    layerContext(layer) {
      const record: LayerRecord = { name: layer.name, type: layer.type, nodes: [], tops: [] };
      records.push(record);
      const fail = (problem: string): ModelFormatError => new ModelFormatError(`layer "${layer.name}" (${layer.type}): ${problem}`);
      const inputs = layer.bottoms.map((b) => {
        const blob = current.get(b);
        if (!blob) throw fail(`bottom "${b}" is not produced by an earlier layer or declared as a net input`);
        return blob;
      });
      for (const b of layer.bottoms) { const i = available.indexOf(b); if (i >= 0) available.splice(i, 1); }
      const setTop = (top: number, blob: Blob): void => {
        const name = layer.tops[top];
        if (name === undefined) throw fail(`has no top #${top}`);
        current.set(name, blob);
        const i = available.indexOf(name);
        if (i >= 0) available.splice(i, 1);
        available.push(name);
        record.tops[top] = blob.tensor;
      };
      const weights = opts.weights;
      const stored = weights?.get(layer.name);
      return {
        layer, inputs,
        param: (field) => sub(layer.params, field),
        fail,
        emit(opType, ins, attributes, shape, o = {}) {
          const nodeName = o.aux ? `${layer.name}/${o.aux}` : layer.name;
          let out: string;
          if (o.aux) out = unique(nodeName);
          else {
            const top = layer.tops[o.top ?? 0];
            if (top === undefined) throw fail(`has no top #${o.top ?? 0}`);
            out = unique(used.has(top) ? (used.has(layer.name) ? `${top}/${layer.name}` : layer.name) : top);
          }
          nodes.push({ name: nodeName, opType, domain: '', inputs: ins, outputs: [out], attributes, docString: `caffe:${layer.type}` });
          record.nodes.push(nodeName);
          valueInfo.push(info(out, shape));
          if (!o.aux) setTop(o.top ?? 0, { tensor: out, shape });
          return out;
        },
        constant(suffix, dims, values, dataType = FLOAT) {
          const name = unique(`${layer.name}/${suffix}`);
          const arr = dataType === FLOAT ? Float32Array.from(values) : BigInt64Array.from(Array.from(values), (v) => BigInt(v));
          initializers.push(tensorFromValues(name, dataType, dims, arr));
          return name;
        },
        blob(index, shape, init, what) {
          if (!stored) {
            if (weights && !randomLayers.includes(layer.name)) randomLayers.push(layer.name);
            return fill(shape, opts.placeholders && (init === 'he' || init === 'bias') ? 'zero' : init, opts.rng);
          }
          const b = stored.blobs[index];
          if (!b) throw fail(`the caffemodel has ${stored.blobs.length} blob(s) for this layer, expected blob #${index} (${what}) of shape [${shape}]`);
          if (!shapeMatches(shape, b.shape, b.legacy)) throw fail(`blob #${index} (${what}) in the caffemodel has shape [${b.shape}], expected [${shape}]`);
          const n = shape.reduce((a, c) => a * c, 1);
          if (b.data.length !== n) throw fail(`blob #${index} (${what}) in the caffemodel holds ${b.data.length} values, expected ${n} for shape [${shape}]`);
          return b.data;
        },
        alias(top, blob) { setTop(top, blob); },
      };
    },
  };
}

/**
 * Seeded random weights: a model whose timing is true without its trained weights.
 *
 * @example
 * const m = randomizeWeights(await readModel('light_bvlc_alexnet.onnx'), 42);
 * m.metadata['layerlab.randomizeWeights.seed'] // '42'
 */
import { cleanup } from './cleanup';
import { runtimeWeights } from './constantOfShape';
import { DOUBLE, FLOAT, numElements } from './tensor';
import type { DataType, Model, Tensor, ValueInfo } from './types';
import { type Fill, weightRoles } from './weightRoles';
import { type Random, seededRandom } from '../util/random';

/**
 * Metadata key recording the seed `randomizeWeights` used.
 * @example randomizeWeights(m, 42).metadata[RANDOMIZE_SEED_KEY] // '42'
 */
export const RANDOMIZE_SEED_KEY = 'layerlab.randomizeWeights.seed';
/**
 * Metadata key recording how many tensors `randomizeWeights` filled.
 * @example randomizeWeights(alexnet, 42).metadata[RANDOMIZE_COUNT_KEY] // '16'
 */
export const RANDOMIZE_COUNT_KEY = 'layerlab.randomizeWeights.tensors';

/**
 * Options of `randomizeWeights`.
 * @example randomizeWeights(m, 1, { keepInitializerInputs: true })
 */
export interface RandomizeOptions {
  /**
   * Keep graph inputs that are backed by an initializer of the same name (IR version < 4 models list
   * every initializer as an input). Default false: such inputs are removed and the IR version is
   * raised to 4, so that onnxruntime treats the weights as constants (pre-packing, constant folding)
   * and per-layer timings are those of a deployed model. When true, the IR version is kept and, below
   * IR 4, every new initializer is also listed as a graph input.
   */
  keepInitializerInputs?: boolean;
}

/** FNV-1a hash of a name, so each tensor gets its own stream whatever the other tensors are. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Fill `values` with normal(0, std) samples: Marsaglia's polar method on `rng.uniform()`, both values
 * of each pair used, no allocation per element (about twice as fast as `rng.normal()`, which uses
 * Box-Muller with trigonometry).
 */
function fillNormal(values: Float32Array | Float64Array, std: number, rng: Random): void {
  const n = values.length;
  let i = 0;
  while (i < n) {
    let x: number, y: number, s: number;
    do {
      x = 2 * rng.uniform() - 1;
      y = 2 * rng.uniform() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = std * Math.sqrt((-2 * Math.log(s)) / s);
    values[i++] = x * f;
    if (i < n) values[i++] = y * f;
  }
}

/** The bytes of `n` values filled according to `fill`, from a stream seeded by (seed, name). */
function fillBytes(fill: Fill, n: number, dataType: DataType, seed: number, name: string): Uint8Array {
  const values = dataType === DOUBLE ? new Float64Array(n) : new Float32Array(n);
  if (fill.kind === 'constant') {
    if (fill.value !== 0) values.fill(fill.value);
  } else {
    fillNormal(values, fill.std, seededRandom((seed ^ hashName(name)) >>> 0));
  }
  return new Uint8Array(values.buffer); // little-endian platforms, as `tensorValues` assumes
}

function randomTensor(name: string, dataType: DataType, dims: number[], fill: Fill, seed: number, docString?: string): Tensor {
  return { name, dataType, dims: [...dims], raw: fillBytes(fill, numElements(dims), dataType, seed, name), ...(docString === undefined ? {} : { docString }) };
}

const isFloat = (dt: DataType): boolean => dt === FLOAT || dt === DOUBLE;

/**
 * Replace every float32/float64 parameter initializer (a Conv/Gemm/MatMul/RNN weight, a bias, a
 * normalization's scale, bias, mean or variance, a PRelu slope: see `ROLES`) with seeded values of the
 * same shape: He-normal weights (std sqrt(2 / fan-in), Gemm's `transB` respected), zero biases,
 * BatchNormalization scale 1, bias 0, mean 0, variance 1. Other initializers (int64 shapes, Resize
 * scales, Clip limits, float16 tensors) are kept as they are.
 *
 * Weights computed at run time by `ConstantOfShape` from a constant shape become initializers too,
 * and the `ConstantOfShape` nodes and the shape tensors they leave unused are removed (`cleanup`).
 * Each tensor's values depend only on `seed` and its name. The seed is recorded in
 * `metadata['layerlab.randomizeWeights.seed']`.
 *
 * @example
 * const m = randomizeWeights(model, 7);
 * m.graph.nodes.some((n) => n.opType === 'ConstantOfShape') // false for the light_* models
 */
export function randomizeWeights(model: Model, seed: number, opts: RandomizeOptions = {}): Model {
  if (!Number.isInteger(seed)) throw new RangeError(`randomizeWeights: seed must be an integer, got ${seed}`);
  const g = model.graph;
  const roles = weightRoles(g);
  const fillOf = (name: string, dims: number[]): Fill => {
    const r = roles.get(name);
    if (!r) throw new Error(`unreachable: no role for "${name}"`);
    return r.role(dims, r.node);
  };
  const runtime = runtimeWeights(g, (name) => roles.has(name)).filter((w) => isFloat(w.dataType));
  const generated = runtime.map((w) => randomTensor(w.output, w.dataType, w.dims, fillOf(w.output, w.dims), seed));
  let count = generated.length;
  const initializers = g.initializers.map((t) => {
    if (!roles.has(t.name) || !isFloat(t.dataType)) return t;
    count++;
    return randomTensor(t.name, t.dataType, t.dims, fillOf(t.name, t.dims), seed, t.docString);
  });
  const removed = new Set(runtime.map((w) => w.node));
  const allInits = [...initializers, ...generated];
  let inputs: ValueInfo[] = g.inputs;
  let irVersion = model.irVersion;
  if (!opts.keepInitializerInputs) {
    const names = new Set(allInits.map((t) => t.name));
    inputs = g.inputs.filter((v) => !names.has(v.name));
    irVersion = Math.max(irVersion, 4);
  } else if (irVersion < 4) {
    inputs = [...g.inputs, ...generated.map((t): ValueInfo => ({ name: t.name, type: { kind: 'tensor', elemType: t.dataType, shape: [...t.dims] } }))];
  }
  const graph = cleanup({ ...g, nodes: g.nodes.filter((n) => !removed.has(n)), inputs, initializers: allInits });
  return {
    ...model,
    irVersion,
    graph,
    metadata: { ...model.metadata, [RANDOMIZE_SEED_KEY]: String(seed), [RANDOMIZE_COUNT_KEY]: String(count) },
  };
}

/**
 * Seeded random inputs for every input of a session: float types ~ normal(0, 1), integer types uniform in
 * 0..3 (small and non-negative, so they are valid indices and sizes for most operators), bool 0/1,
 * strings short random words.
 *
 * @example
 * const s = await openSession('net.onnx');
 * const feeds = randomInputs(s, 42, { data: [1, 3, 224, 224] });
 * const out = await s.run(feeds);
 */
import { SessionError } from '../errors';
import { seededRandom, type Random } from '../util/random';
import { openSession, type HostTensor, type Session, type SessionOptions, type TensorData, type TensorType } from './session';

/** Exclusive upper bound of random integer inputs. */
export const RANDOM_INT_BOUND = 4;

/**
 * IEEE half-precision bit pattern of a number (round to nearest even; overflow gives infinity).
 * @example toFloat16Bits(1); // 0x3c00
 */
export function toFloat16Bits(x: number): number {
  const b = new Uint32Array(new Float32Array([x]).buffer)[0];
  const sign = (b >>> 16) & 0x8000;
  const e32 = (b >>> 23) & 0xff;
  const m32 = b & 0x7fffff;
  if (e32 === 0xff) return sign | 0x7c00 | (m32 ? 0x200 : 0);
  const e = e32 - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  const round = (half: number, rem: number, mid: number): number => half + (rem > mid || (rem === mid && (half & 1)) ? 1 : 0);
  if (e <= 0) {
    if (e < -10) return sign;
    const shift = 14 - e;
    const m = m32 | 0x800000;
    return sign | round(m >>> shift, m & ((1 << shift) - 1), 1 << (shift - 1));
  }
  return sign | round((e << 10) | (m32 >>> 13), m32 & 0x1fff, 0x1000);
}

function randomData(type: TensorType, n: number, rng: Random, name: string, source: string): TensorData {
  switch (type) {
    case 'float32': return Float32Array.from({ length: n }, () => rng.normal());
    case 'float64': return Float64Array.from({ length: n }, () => rng.normal());
    case 'float16': return Uint16Array.from({ length: n }, () => toFloat16Bits(rng.normal()));
    case 'int8': return Int8Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'uint8': return Uint8Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'int16': return Int16Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'uint16': return Uint16Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'int32': return Int32Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'uint32': return Uint32Array.from({ length: n }, () => rng.int(RANDOM_INT_BOUND));
    case 'int64': return BigInt64Array.from({ length: n }, () => BigInt(rng.int(RANDOM_INT_BOUND)));
    case 'uint64': return BigUint64Array.from({ length: n }, () => BigInt(rng.int(RANDOM_INT_BOUND)));
    case 'bool': return Uint8Array.from({ length: n }, () => rng.int(2));
    case 'string': return Array.from({ length: n }, () => Math.floor(rng.uniform() * 1e6).toString(36));
    default: throw new SessionError(`session "${source}": input "${name}" has type ${type}, for which no random data can be made`);
  }
}

/**
 * One seeded random tensor per session input, in input order. `shapeOverrides[name]` replaces an input's shape.
 * @example const feeds = randomInputs(session, 7, { input: [1, 3, 224, 224] }); feeds.input.dims; // [1, 3, 224, 224]
 * @throws SessionError naming the input when a dimension is dynamic and no override is given, the input is not a tensor,
 *   or an override names no input.
 */
export function randomInputs(session: Session, seed: number, shapeOverrides: Record<string, number[]> = {}): Record<string, HostTensor> {
  const rng = seededRandom(seed);
  const out: Record<string, HostTensor> = {};
  const unknown = Object.keys(shapeOverrides).filter((k) => !session.inputs.some((m) => m.name === k));
  if (unknown.length > 0) {
    throw new SessionError(`session "${session.source}": shape given for ${unknown.map((k) => `"${k}"`).join(', ')}, which is not an input (inputs: ${session.inputs.map((m) => m.name).join(', ')})`);
  }
  for (const meta of session.inputs) {
    if (!meta.isTensor || meta.type === null || meta.dims === null) {
      throw new SessionError(`session "${session.source}": input "${meta.name}" is not a tensor — random inputs can only be made for tensors`);
    }
    const dims = shapeOverrides[meta.name] ?? meta.dims;
    const bad = dims.findIndex((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0);
    if (bad >= 0) {
      throw new SessionError(`session "${session.source}": input "${meta.name}" dimension ${bad} is dynamic (${JSON.stringify(dims[bad])}) in shape ` +
        `${JSON.stringify(dims)} — pass a shape override, e.g. { ${JSON.stringify(meta.name)}: [${dims.map((d) => (typeof d === 'number' ? d : 1))}] }`);
    }
    const fixed = dims as number[];
    out[meta.name] = { type: meta.type, dims: [...fixed], data: randomData(meta.type, fixed.reduce((a, b) => a * b, 1), rng, meta.name, session.source) };
  }
  return out;
}

export interface RandomRunOptions {
  /** Seed of the random inputs; default 0. */
  seed?: number;
  shapeOverrides?: Record<string, number[]>;
  session?: SessionOptions;
}

/**
 * Open a session, run it once on seeded random inputs, release it and return every output.
 * @example const out = await runWithRandomInputs('net.onnx', { seed: 1 }); out.logits.dims; // [1, 1000]
 * @throws SessionError when the model cannot be loaded or run, or an input has a dynamic dimension without override.
 */
export async function runWithRandomInputs(model: string | Uint8Array, opts: RandomRunOptions = {}): Promise<Record<string, HostTensor>> {
  const session = await openSession(model, opts.session);
  try {
    return await session.run(randomInputs(session, opts.seed ?? 0, opts.shapeOverrides));
  } finally {
    await session.release();
  }
}

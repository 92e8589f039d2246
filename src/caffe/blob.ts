/**
 * Caffe's `BlobProto`, read and written by hand: the one place that knows its wire format. A blob can
 * hold hundreds of megabytes (AlexNet's fc6 is 151 MB), so packed `data` is copied once into a
 * Float32Array instead of going through per-element JS numbers.
 *
 * Fields: shape (7, `BlobShape { repeated int64 dim = 1 }`), legacy num/channels/height/width (1-4),
 * data (5, float, packed or not), diff (6, skipped), double_data (8, double, packed or not).
 *
 * @example
 * const blob = decodeBlobProto(encodeBlobProto({ shape: [2], data: [1, 2] }));
 * blob.shape // [2]; blob.data // Float32Array [1, 2]
 */
import { ModelFormatError } from '../errors';

/** One blob. `legacy` is true when the file gave num/channels/height/width instead of `shape`. */
export interface CaffeBlob {
  shape: number[];
  data: Float32Array;
  legacy: boolean;
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly source: string) {}
  get done(): boolean { return this.pos >= this.bytes.length; }
  fail(problem: string): ModelFormatError {
    return new ModelFormatError(`${this.source}: not a valid BlobProto — ${problem}`);
  }
  varint(): number {
    let result = 0, mult = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw this.fail(`truncated varint at byte ${this.pos}`);
      const b = this.bytes[this.pos++];
      result += (b & 0x7f) * mult;
      if (b < 0x80) return result;
      mult *= 128;
    }
  }
  take(n: number): Uint8Array {
    if (this.pos + n > this.bytes.length) throw this.fail(`a field of ${n} bytes at byte ${this.pos} runs past the end (${this.bytes.length} bytes)`);
    const sub = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return sub;
  }
  skip(wireType: number): void {
    switch (wireType) {
      case 0: this.varint(); break;
      case 1: this.take(8); break;
      case 2: this.take(this.varint()); break;
      case 5: this.take(4); break;
      default: throw this.fail(`invalid wire type ${wireType} at byte ${this.pos}`);
    }
  }
}

/** Little-endian floats (4 bytes) or doubles (8 bytes) as a Float32Array (one aligned copy). */
function floatsOf(bytes: Uint8Array, width: 4 | 8, r: Reader): Float32Array {
  if (bytes.length % width !== 0) throw r.fail(`packed ${width === 4 ? 'float' : 'double'} data of ${bytes.length} bytes`);
  const copy = Uint8Array.prototype.slice.call(bytes).buffer; // a real copy, also for a Node Buffer view
  return width === 4 ? new Float32Array(copy) : Float32Array.from(new Float64Array(copy));
}

/** Values arriving as packed chunks and single elements, kept in order, joined once at the end. */
function collector(): { chunk(a: Float32Array): void; single(v: number): void; values(): Float32Array } {
  const parts: Float32Array[] = [];
  let singles: number[] = [];
  const flush = (): void => { if (singles.length > 0) { parts.push(Float32Array.from(singles)); singles = []; } };
  return {
    chunk(a) { flush(); parts.push(a); },
    single(v) { singles.push(v); },
    values() {
      flush();
      if (parts.length === 1) return parts[0];
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) { out.set(p, o); o += p.length; }
      return out;
    },
  };
}

function readShape(bytes: Uint8Array, source: string): number[] {
  const s = new Reader(bytes, source);
  const dims: number[] = [];
  while (!s.done) {
    const key = s.varint();
    if (key === ((1 << 3) | 2)) { const p = new Reader(s.take(s.varint()), source); while (!p.done) dims.push(p.varint()); }
    else if (key === ((1 << 3) | 0)) dims.push(s.varint());
    else s.skip(key & 7);
  }
  return dims;
}

/**
 * Decode one BlobProto. The number of values must match the shape.
 * @throws ModelFormatError naming `source` for malformed bytes or a count that does not match the shape
 */
export function decodeBlobProto(bytes: Uint8Array, source = '<BlobProto>'): CaffeBlob {
  const r = new Reader(bytes, source);
  const legacyDims = [0, 0, 0, 0];
  let sawLegacy = false;
  let shape: number[] | undefined;
  // packed chunks are copied whole; unpacked values (old writers) are gathered in order between chunks.
  // `data` (float) wins over `double_data`, as in Caffe.
  const f32 = collector(), f64 = collector();
  const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (!r.done) {
    const key = r.varint();
    const field = Math.floor(key / 8), type = key & 7;
    if (field >= 1 && field <= 4 && type === 0) { legacyDims[field - 1] = r.varint(); sawLegacy = true; }
    else if (field === 5 && type === 2) f32.chunk(floatsOf(r.take(r.varint()), 4, r));
    else if (field === 5 && type === 5) f32.single(view(r.take(4)).getFloat32(0, true));
    else if (field === 8 && type === 2) f64.chunk(floatsOf(r.take(r.varint()), 8, r));
    else if (field === 8 && type === 1) f64.single(view(r.take(8)).getFloat64(0, true));
    else if (field === 7 && type === 2) shape = readShape(r.take(r.varint()), source);
    else r.skip(type);
  }
  const floats = f32.values(), doubles = f64.values();
  const data = floats.length > 0 ? floats : doubles;
  const dims = shape ?? (sawLegacy ? legacyDims.map((d) => d || 1) : [data.length]);
  const count = dims.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new ModelFormatError(`${source}: shape [${dims.join(', ')}] needs ${count} values, the blob has ${data.length}`);
  }
  return { shape: dims, data, legacy: shape === undefined };
}

function varint(n: number, out: number[]): void {
  while (n >= 0x80) { out.push((n % 128) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
}

/**
 * Encode a blob: `shape` (or legacy num/channels/height/width when `legacy`), packed float data.
 * @example encodeBlobProto({ shape: [1, 1, 1, 2], data: [0.5, -1], legacy: true })
 */
export function encodeBlobProto(b: { shape: number[]; data: ArrayLike<number>; legacy?: boolean }): Uint8Array {
  const head: number[] = [];
  if (b.legacy) {
    const s = [1, 1, 1, 1, ...b.shape].slice(-4);
    s.forEach((d, i) => { head.push(((i + 1) << 3) | 0); varint(d, head); });
  } else {
    const dims: number[] = [];
    for (const d of b.shape) varint(d, dims);
    const shapeMsg = [(1 << 3) | 2, ...(() => { const l: number[] = []; varint(dims.length, l); return l; })(), ...dims];
    head.push((7 << 3) | 2);
    varint(shapeMsg.length, head);
    head.push(...shapeMsg);
  }
  const values = Float32Array.from(b.data);
  head.push((5 << 3) | 2);
  varint(values.byteLength, head);
  const out = new Uint8Array(head.length + values.byteLength);
  out.set(head, 0);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), head.length);
  return out;
}

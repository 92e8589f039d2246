/**
 * A small reader for Caffe's `BlobProto` (`.binaryproto` mean files): shape from `shape` (field 7) or the
 * legacy num/channels/height/width (1-4), values from `data` (5, float) or `double_data` (8). Field numbers
 * follow `src/caffe/schema.ts`; the wire format is read by hand so that this folder needs no protobuf library.
 *
 * @example
 * const mean = readBlobProto(fs.readFileSync('cifar10_mean_bgr.binaryproto'));
 * mean.shape // [1, 3, 32, 32]
 */
import { DatasetError } from '../errors';
import type { FloatArray } from './npy';

class Wire {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly view: DataView, readonly source: string) {}
  get done(): boolean { return this.pos >= this.bytes.length; }
  varint(): number {
    let result = 0, mult = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new DatasetError(`binaryproto "${this.source}": truncated varint at byte ${this.pos}`);
      const b = this.bytes[this.pos++];
      result += (b & 0x7f) * mult;
      if (b < 0x80) return result;
      mult *= 128;
    }
  }
  take(n: number): Wire {
    if (this.pos + n > this.bytes.length) throw new DatasetError(`binaryproto "${this.source}": field of ${n} bytes at byte ${this.pos} runs past the end (${this.bytes.length} bytes)`);
    const sub = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return new Wire(sub, new DataView(sub.buffer, sub.byteOffset, sub.byteLength), this.source);
  }
  skip(wireType: number): void {
    switch (wireType) {
      case 0: this.varint(); break;
      case 1: this.take(8); break;
      case 2: this.take(this.varint()); break;
      case 5: this.take(4); break;
      default: throw new DatasetError(`binaryproto "${this.source}": invalid wire type ${wireType} at byte ${this.pos} — not a BlobProto`);
    }
  }
}

/**
 * Decode a BlobProto to float32 values.
 * @example readBlobProto(bytes, 'mean.binaryproto').data.length // N*C*H*W
 * @throws DatasetError naming `source` when the bytes are not a BlobProto or the data count does not match the shape.
 */
export function readBlobProto(bytes: Uint8Array, source = '<binaryproto>'): FloatArray {
  const w = new Wire(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), source);
  const legacy = [0, 0, 0, 0];
  let shape: number[] | undefined;
  const values: number[] = [];
  while (!w.done) {
    const key = w.varint();
    const field = Math.floor(key / 8), type = key & 7;
    if (field >= 1 && field <= 4 && type === 0) legacy[field - 1] = w.varint();
    else if (field === 5 && type === 2) { const s = w.take(w.varint()); for (let o = 0; o + 4 <= s.bytes.length; o += 4) values.push(s.view.getFloat32(o, true)); }
    else if (field === 5 && type === 5) values.push(w.take(4).view.getFloat32(0, true));
    else if (field === 8 && type === 2) { const s = w.take(w.varint()); for (let o = 0; o + 8 <= s.bytes.length; o += 8) values.push(s.view.getFloat64(o, true)); }
    else if (field === 8 && type === 1) values.push(w.take(8).view.getFloat64(0, true));
    else if (field === 7 && type === 2) {
      const s = w.take(w.varint());
      shape = [];
      while (!s.done) {
        const k = s.varint();
        if (k === (1 << 3 | 2)) { const p = s.take(s.varint()); while (!p.done) shape.push(p.varint()); }
        else if (k === (1 << 3 | 0)) shape.push(s.varint());
        else s.skip(k & 7);
      }
    } else w.skip(type);
  }
  const dims = shape ?? legacy;
  const count = dims.reduce((a, b) => a * b, 1);
  if (count !== values.length) {
    throw new DatasetError(`binaryproto "${source}": shape [${dims.join(', ')}] needs ${count} values, the blob has ${values.length} — not a BlobProto mean file?`);
  }
  return { shape: dims, data: Float32Array.from(values) };
}

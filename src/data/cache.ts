/**
 * On-disk cache of preprocessed tensors, keyed by the image's content hash and the preset's hash:
 * `<cacheDir>/tensors/<presetHash>/<hh>/<sha256>.f32`, each file a 12-byte header (C, H, W as uint32 LE)
 * followed by the float32 values. Writes are atomic (temp file, then rename), so concurrent runs are safe.
 *
 * @example
 * const cache = tensorCache(path.join(settings.cacheDir, 'tensors'));
 * cache.put(prep.hash, sha, { dims: [3, 224, 224], data });
 * (await cache.get(prep.hash, sha))?.dims // [3, 224, 224]
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../util/atomicWrite';

/** A CHW float tensor of one image. */
export interface ImageTensor { dims: [number, number, number]; data: Float32Array }

export interface TensorCache {
  readonly dir: string;
  get(presetHash: string, contentHash: string): Promise<ImageTensor | undefined>;
  put(presetHash: string, contentHash: string, t: ImageTensor): void;
}

/**
 * A tensor cache rooted at `dir` (created on first write). A short or unreadable entry is treated as absent.
 * @example await tensorCache('/tmp/cache/tensors').get('ab12', 'ffee...') // undefined when not cached
 */
export function tensorCache(dir: string): TensorCache {
  const fileOf = (p: string, c: string) => path.join(dir, p, c.slice(0, 2), `${c}.f32`);
  return {
    dir,
    async get(presetHash, contentHash) {
      let buf: Buffer;
      try { buf = await fs.promises.readFile(fileOf(presetHash, contentHash)); } catch { return undefined; }
      if (buf.length < 12) return undefined;
      const dims: [number, number, number] = [buf.readUInt32LE(0), buf.readUInt32LE(4), buf.readUInt32LE(8)];
      const n = dims[0] * dims[1] * dims[2];
      if (buf.length !== 12 + 4 * n) return undefined;
      // A view when the values are 4-byte aligned in the buffer (readFile's own allocation), else a copy.
      const off = buf.byteOffset + 12;
      const data = off % 4 === 0 ? new Float32Array(buf.buffer, off, n) : new Float32Array(Uint8Array.prototype.slice.call(buf, 12).buffer);
      return { dims, data };
    },
    put(presetHash, contentHash, t) {
      const file = fileOf(presetHash, contentHash);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const head = Buffer.alloc(12);
      t.dims.forEach((d, i) => head.writeUInt32LE(d, i * 4));
      writeFileAtomic(file, Buffer.concat([head, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)]));
    },
  };
}

/**
 * One image file to its input tensor: read, hash, look up the tensor cache, else decode, resize,
 * preprocess and store.
 *
 * @example
 * const { tensor, cached } = await prepareImage('/data/cat.jpg', prep, tensorCache(dir));
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import { DatasetError } from '../errors';
import type { ImageTensor, TensorCache } from './cache';
import { decodeImage } from './decode';
import { resizedSize, resizeRgb } from './resample';
import { toTensor, type PreparedPreset } from './preprocess';

export interface PreparedImage { tensor: ImageTensor; cached: boolean; contentHash: string }

/**
 * Prepare one image for a preset, through the cache when one is given.
 * @example (await prepareImage(file, prep)).tensor.dims // [3, 224, 224]
 * @throws DatasetError naming the file when it cannot be read, decoded or preprocessed.
 */
export async function prepareImage(file: string, prep: PreparedPreset, cache?: TensorCache): Promise<PreparedImage> {
  let bytes: Buffer;
  try { bytes = await fs.promises.readFile(file); } catch (e) {
    throw new DatasetError(`image "${file}": cannot read — ${(e as Error).message}`, { cause: e });
  }
  const contentHash = crypto.createHash('sha256').update(bytes).digest('hex');
  const hit = await cache?.get(prep.hash, contentHash);
  if (hit) return { tensor: hit, cached: true, contentHash };
  const decoded = await decodeImage(bytes, { source: file });
  const r = prep.preset.resize;
  const size = resizedSize(decoded.width, decoded.height, r);
  const img = r.kind === 'none' ? decoded : resizeRgb(decoded, size.width, size.height, r.kernel ?? 'bilinear');
  let data: Float32Array;
  try { data = toTensor(img, prep); } catch (e) {
    throw new DatasetError(`image "${file}": ${(e as Error).message}`, { cause: e });
  }
  const w = prep.preset.crop.kind === 'centre' ? prep.preset.crop.width : img.width;
  const h = prep.preset.crop.kind === 'centre' ? prep.preset.crop.height : img.height;
  const tensor: ImageTensor = { dims: [3, h, w], data };
  cache?.put(prep.hash, contentHash, tensor);
  return { tensor, cached: false, contentHash };
}

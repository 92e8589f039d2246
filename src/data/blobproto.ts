/**
 * Caffe `BlobProto` mean files (`.binaryproto`) for preprocessing: read with the project's one BlobProto
 * reader (`src/caffe/blob.ts`), failures reported as dataset errors.
 *
 * @example
 * const mean = readBlobProto(fs.readFileSync('cifar10_mean_bgr.binaryproto'), 'cifar10_mean_bgr.binaryproto');
 * mean.shape // [1, 3, 32, 32]
 */
import { decodeBlobProto } from '../caffe/blob';
import { DatasetError } from '../errors';
import type { FloatArray } from './npy';

/**
 * Decode a BlobProto to float32 values.
 * @throws DatasetError naming `source` when the bytes are not a BlobProto or the data count does not match the shape.
 */
export function readBlobProto(bytes: Uint8Array, source = '<binaryproto>'): FloatArray {
  try {
    const { shape, data } = decodeBlobProto(bytes, `binaryproto "${source}"`);
    return { shape, data };
  } catch (e) {
    throw new DatasetError(`${(e as Error).message} — not a BlobProto mean file?`, { cause: e });
  }
}

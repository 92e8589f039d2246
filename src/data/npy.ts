/**
 * A small reader for NumPy `.npy` files (format versions 1-3, C order, little- or big-endian float,
 * int and uint dtypes), giving a plain `{ shape, data }` array of float32 values.
 *
 * @example
 * const mean = readNpy(fs.readFileSync('ilsvrc_2012_mean.npy'), 'ilsvrc_2012_mean.npy');
 * mean.shape // [3, 256, 256]
 */
import { DatasetError } from '../errors';

/** A dense array as plain data: C-order `data` of `shape`. */
export interface FloatArray { shape: number[]; data: Float32Array }

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

type Reader = (v: DataView, offset: number, little: boolean) => number;
const READERS: Record<string, { size: number; read: Reader }> = {
  f8: { size: 8, read: (v, o, l) => v.getFloat64(o, l) },
  f4: { size: 4, read: (v, o, l) => v.getFloat32(o, l) },
  i8: { size: 8, read: (v, o, l) => Number(v.getBigInt64(o, l)) },
  i4: { size: 4, read: (v, o, l) => v.getInt32(o, l) },
  i2: { size: 2, read: (v, o, l) => v.getInt16(o, l) },
  i1: { size: 1, read: (v, o) => v.getInt8(o) },
  u8: { size: 8, read: (v, o, l) => Number(v.getBigUint64(o, l)) },
  u4: { size: 4, read: (v, o, l) => v.getUint32(o, l) },
  u2: { size: 2, read: (v, o, l) => v.getUint16(o, l) },
  u1: { size: 1, read: (v, o) => v.getUint8(o) },
};

/**
 * Decode a `.npy` file's bytes to float32 values.
 * @example readNpy(bytes).data.length // product of shape
 * @throws DatasetError naming `source` for a bad magic, Fortran order, an unsupported dtype or short data.
 */
export function readNpy(bytes: Uint8Array, source = '<npy>'): FloatArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DatasetError(`npy "${source}": not a NumPy .npy file — the magic bytes \\x93NUMPY are missing`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = Buffer.from(bytes.subarray(start, start + headerLen)).toString(major === 3 ? 'utf8' : 'latin1');
  const descr = /'descr':\s*'([<>|=])([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order':\s*(True|False)/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw new DatasetError(`npy "${source}": cannot parse the header — ${header.trim()}`);
  if (fortran[1] === 'True') throw new DatasetError(`npy "${source}": Fortran-order arrays are not supported — save with np.ascontiguousarray`);
  const kind = READERS[descr[2]];
  if (!kind) throw new DatasetError(`npy "${source}": unsupported dtype ${descr[1]}${descr[2]} — expected a float, int or uint dtype`);
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLen;
  if (bytes.length < dataStart + count * kind.size) {
    throw new DatasetError(`npy "${source}": truncated — shape (${dims.join(', ')}) needs ${count * kind.size} data bytes, the file has ${bytes.length - dataStart}`);
  }
  const little = descr[1] !== '>';
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = kind.read(view, dataStart + i * kind.size, little);
  return { shape: dims, data };
}

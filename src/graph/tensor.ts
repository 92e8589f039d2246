/**
 * Tensor data types and lazy decoding of initializer bytes.
 *
 * @example
 * const t = tensorFromValues('W', FLOAT, [2, 2], new Float32Array([1, 2, 3, 4]));
 * tensorValues(t); // Float32Array [1, 2, 3, 4]
 */
import { GraphError } from '../errors';
import type { DataType, Tensor } from './types';

export const FLOAT = 1, UINT8 = 2, INT8 = 3, UINT16 = 4, INT16 = 5, INT32 = 6, INT64 = 7, STRING = 8,
  BOOL = 9, FLOAT16 = 10, DOUBLE = 11, UINT32 = 12, UINT64 = 13, COMPLEX64 = 14, COMPLEX128 = 15,
  BFLOAT16 = 16;

/** Name and element size in bytes of each ONNX data type (STRING has no fixed size). */
export const DATA_TYPES: Record<number, { name: string; bytes: number }> = {
  1: { name: 'float32', bytes: 4 }, 2: { name: 'uint8', bytes: 1 }, 3: { name: 'int8', bytes: 1 },
  4: { name: 'uint16', bytes: 2 }, 5: { name: 'int16', bytes: 2 }, 6: { name: 'int32', bytes: 4 },
  7: { name: 'int64', bytes: 8 }, 8: { name: 'string', bytes: 0 }, 9: { name: 'bool', bytes: 1 },
  10: { name: 'float16', bytes: 2 }, 11: { name: 'float64', bytes: 8 }, 12: { name: 'uint32', bytes: 4 },
  13: { name: 'uint64', bytes: 8 }, 14: { name: 'complex64', bytes: 8 }, 15: { name: 'complex128', bytes: 16 },
  16: { name: 'bfloat16', bytes: 2 },
};

/** The typed array a data type decodes to. 16-bit floats and complex types decode to their raw integer/float lanes. */
export type TensorArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array;

/** Number of elements of a shape (1 for a scalar). */
export function numElements(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Name of a data type, e.g. `dataTypeName(1) === 'float32'`. */
export function dataTypeName(dataType: DataType): string {
  return DATA_TYPES[dataType]?.name ?? `unknown(${dataType})`;
}

/**
 * Decode a tensor's bytes into a fresh typed array (copied, so it is aligned and safe to modify).
 * FLOAT16/BFLOAT16 give their Uint16 bit patterns; COMPLEX64/128 give interleaved Float32/Float64 lanes.
 */
export function tensorValues(t: Tensor): TensorArray {
  if (t.dataType === STRING) throw new GraphError(`tensor "${t.name}": STRING tensors have no numeric values`);
  const info = DATA_TYPES[t.dataType];
  if (!info) throw new GraphError(`tensor "${t.name}": unknown data type ${t.dataType}`);
  const raw = t.raw ?? new Uint8Array(0);
  const n = numElements(t.dims);
  if (raw.byteLength !== n * info.bytes) {
    throw new GraphError(
      `tensor "${t.name}": has ${raw.byteLength} bytes, expected ${n * info.bytes} for ${n} ${info.name} elements of shape [${t.dims}]`);
  }
  const buf = raw.slice().buffer; // aligned copy
  switch (t.dataType) {
    case FLOAT: return new Float32Array(buf);
    case DOUBLE: return new Float64Array(buf);
    case INT8: return new Int8Array(buf);
    case UINT8: case BOOL: return new Uint8Array(buf);
    case INT16: return new Int16Array(buf);
    case UINT16: case FLOAT16: case BFLOAT16: return new Uint16Array(buf);
    case INT32: return new Int32Array(buf);
    case UINT32: return new Uint32Array(buf);
    case INT64: return new BigInt64Array(buf);
    case UINT64: return new BigUint64Array(buf);
    case COMPLEX64: return new Float32Array(buf);
    case COMPLEX128: return new Float64Array(buf);
    default: throw new GraphError(`tensor "${t.name}": unknown data type ${t.dataType}`);
  }
}

/** Tensor values as plain numbers (int64 converted with `Number`). Convenient for small shape tensors. */
export function tensorNumbers(t: Tensor): number[] {
  return Array.from(tensorValues(t) as ArrayLike<number | bigint>, Number);
}

/** Build a tensor from a typed array (its bytes are copied). */
export function tensorFromValues(name: string, dataType: DataType, dims: number[], values: TensorArray): Tensor {
  const n = numElements(dims);
  if (values.length !== n * (dataType === COMPLEX64 || dataType === COMPLEX128 ? 2 : 1)) {
    throw new GraphError(`tensor "${name}": ${values.length} values do not fill shape [${dims}]`);
  }
  const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dataType, dims: [...dims], raw };
}

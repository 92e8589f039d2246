/**
 * Normalization of ONNX's typed tensor fields (`float_data`, `int32_data`, `int64_data`, `double_data`,
 * `uint64_data`) into little-endian `raw` bytes, following the field rules of onnx.proto:
 * `int32_data` also carries int8/uint8/int16/uint16/bool and the bit patterns of float16/bfloat16,
 * `uint64_data` carries uint32/uint64, `float_data` complex64 lanes, `double_data` complex128 lanes.
 *
 * @example
 * typedToRaw({ dataType: 1, floatData: [1, 2] }); // Uint8Array of 8 bytes (two float32 LE)
 */
import {
  BFLOAT16, BOOL, COMPLEX128, COMPLEX64, DOUBLE, FLOAT, FLOAT16, INT16, INT32, INT64, INT8, UINT16, UINT32, UINT64, UINT8,
} from '../graph/tensor';
import type { LongLike } from './int64';

/** The typed fields of a decoded `TensorProto` (protobufjs names). */
export interface TypedFields {
  dataType: number;
  floatData?: number[] | null;
  int32Data?: number[] | null;
  int64Data?: (number | LongLike)[] | null;
  doubleData?: number[] | null;
  uint64Data?: (number | LongLike)[] | null;
}

type Setter = (dv: DataView, offset: number, v: number) => void;

function fill(values: readonly number[], bytes: number, set: Setter): Uint8Array {
  const out = new Uint8Array(values.length * bytes);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) set(dv, i * bytes, values[i]);
  return out;
}

function fill64(values: readonly (number | LongLike)[], unsigned: boolean): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (unsigned) dv.setBigUint64(i * 8, BigInt(v), true); else dv.setBigInt64(i * 8, BigInt(v), true);
    } else {
      dv.setUint32(i * 8, v.low >>> 0, true);
      dv.setUint32(i * 8 + 4, v.high >>> 0, true);
    }
  }
  return out;
}

/**
 * The little-endian bytes of a tensor stored in typed fields. Element count follows the field's length
 * (not `dims`), so a malformed tensor stays as malformed as it was. The 8-bit float types (17-20) carry one
 * byte per `int32_data` value. Other types with values in typed fields are refused: writing them back as
 * empty tensors would corrupt the model silently.
 * @throws RangeError naming the data type (the decoder turns it into a ModelFormatError naming the tensor)
 */
export function typedToRaw(t: TypedFields): Uint8Array {
  const f = t.floatData ?? [], i32 = t.int32Data ?? [], d = t.doubleData ?? [];
  switch (t.dataType) {
    case FLOAT: case COMPLEX64: return fill(f, 4, (dv, o, v) => dv.setFloat32(o, v, true));
    case DOUBLE: case COMPLEX128: return fill(d, 8, (dv, o, v) => dv.setFloat64(o, v, true));
    case INT32: return fill(i32, 4, (dv, o, v) => dv.setInt32(o, v, true));
    case INT8: return fill(i32, 1, (dv, o, v) => dv.setInt8(o, v));
    case UINT8: case BOOL: return fill(i32, 1, (dv, o, v) => dv.setUint8(o, v));
    case INT16: return fill(i32, 2, (dv, o, v) => dv.setInt16(o, v, true));
    case UINT16: case FLOAT16: case BFLOAT16: return fill(i32, 2, (dv, o, v) => dv.setUint16(o, v, true));
    case INT64: return fill64(t.int64Data ?? [], false);
    case UINT64: return fill64(t.uint64Data ?? [], true);
    case UINT32: return fill64(t.uint64Data ?? [], true).filter((_, k) => (k & 7) < 4);
    case 17: case 18: case 19: case 20: return fill(i32, 1, (dv, o, v) => dv.setUint8(o, v));
    default: {
      const n = f.length + i32.length + d.length + (t.int64Data?.length ?? 0) + (t.uint64Data?.length ?? 0);
      if (n > 0) throw new RangeError(`data type ${t.dataType} stored in typed fields (${n} values) is not supported`);
      return new Uint8Array(0);
    }
  }
}

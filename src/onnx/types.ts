/**
 * `TypeProto` <-> `TypeInfo` and `ValueInfoProto` <-> `ValueInfo` conversion.
 *
 * @example
 * decodeType({ tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }, { dimValue: 3 }] } } });
 * // { kind: 'tensor', elemType: 1, shape: ['N', 3] }
 */
import { onnx } from 'onnx-proto';
import type { Dim, TypeInfo, ValueInfo } from '../graph/types';
import { toNumber, type LongLike } from './int64';

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function decodeShape(s: onnx.ITensorShapeProto): Dim[] {
  return (s.dim ?? []).map((d): Dim => {
    if (has(d, 'dimValue') && d.dimValue != null) return toNumber(d.dimValue as number | LongLike);
    if (has(d, 'dimParam') && d.dimParam != null) return d.dimParam;
    return null;
  });
}

function encodeShape(shape: Dim[]): onnx.ITensorShapeProto {
  return { dim: shape.map((d) => (d === null ? {} : typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
}

/**
 * A `TypeProto` (or its absence) as a `TypeInfo`; an absent or empty type is `{ kind: 'unknown' }`.
 * @example decodeType({ sequenceType: { elemType: { tensorType: { elemType: 1 } } } }); // { kind: 'sequence', elem: { kind: 'tensor', elemType: 1 } }
 */
export function decodeType(t: onnx.ITypeProto | null | undefined): TypeInfo {
  if (!t) return { kind: 'unknown' };
  const den = has(t, 'denotation') && t.denotation != null ? { denotation: t.denotation } : {};
  const tensorLike = (v: onnx.TypeProto.ITensor | onnx.TypeProto.ISparseTensor) =>
    (has(v, 'shape') && v.shape ? { elemType: v.elemType ?? 0, shape: decodeShape(v.shape) } : { elemType: v.elemType ?? 0 });
  if (t.tensorType) return { kind: 'tensor', ...tensorLike(t.tensorType), ...den };
  if (t.sparseTensorType) return { kind: 'sparse_tensor', ...tensorLike(t.sparseTensorType), ...den };
  if (t.sequenceType) return { kind: 'sequence', elem: decodeType(t.sequenceType.elemType), ...den };
  if (t.mapType) return { kind: 'map', keyType: t.mapType.keyType ?? 0, value: decodeType(t.mapType.valueType), ...den };
  if (t.optionalType) return { kind: 'optional', elem: decodeType(t.optionalType.elemType), ...den };
  return { kind: 'unknown', ...den };
}

/**
 * A `TypeInfo` as a `TypeProto`.
 * @example encodeType({ kind: 'tensor', elemType: 1, shape: ['N'] }); // { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }] } } }
 */
export function encodeType(t: TypeInfo): onnx.ITypeProto {
  const den = t.denotation !== undefined ? { denotation: t.denotation } : {};
  switch (t.kind) {
    case 'tensor':
      return { tensorType: t.shape ? { elemType: t.elemType, shape: encodeShape(t.shape) } : { elemType: t.elemType }, ...den };
    case 'sparse_tensor':
      return { sparseTensorType: t.shape ? { elemType: t.elemType, shape: encodeShape(t.shape) } : { elemType: t.elemType }, ...den };
    case 'sequence': return { sequenceType: { elemType: encodeType(t.elem) }, ...den };
    case 'map': return { mapType: { keyType: t.keyType, valueType: encodeType(t.value) }, ...den };
    case 'optional': return { optionalType: { elemType: encodeType(t.elem) }, ...den };
    case 'unknown': return { ...den };
    default: throw new TypeError(`invalid type kind: ${(t as { kind: string }).kind}`);
  }
}

/**
 * A `ValueInfoProto` as a `ValueInfo`.
 * @example decodeValueInfo({ name: 'x' }); // { name: 'x', type: { kind: 'unknown' } }
 */
export function decodeValueInfo(v: onnx.IValueInfoProto): ValueInfo {
  const out: ValueInfo = { name: v.name ?? '', type: decodeType(v.type) };
  if (has(v, 'docString') && v.docString != null) out.docString = v.docString;
  return out;
}

/**
 * A `ValueInfo` as a `ValueInfoProto` (an unknown type without denotation is left out).
 * @example encodeValueInfo({ name: 'x', type: { kind: 'unknown' } }); // { name: 'x' }
 */
export function encodeValueInfo(v: ValueInfo): onnx.IValueInfoProto {
  const out: onnx.IValueInfoProto = { name: v.name };
  if (v.type.kind !== 'unknown' || v.type.denotation !== undefined) out.type = encodeType(v.type);
  if (v.docString !== undefined) out.docString = v.docString;
  return out;
}

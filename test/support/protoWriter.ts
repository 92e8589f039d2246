/**
 * A tiny, independent protobuf writer for hand-made ONNX bytes in tests (typed tensor fields, external
 * data, broken models): it does not share code with protobufjs, so it checks the decoder from outside.
 *
 * @example
 * const bytes = msg(varintField(1, 8), bytesField(7, msg(stringField(2, 'g'))));  // ModelProto { ir_version: 8, graph { name: "g" } }
 */

/** Varint bytes of a non-negative or negative (two's complement, 10 bytes) 64-bit integer. */
export function varint(v: number | bigint): number[] {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x ? b | 0x80 : b);
  } while (x);
  return out;
}

const tag = (field: number, wire: number): number[] => varint((field << 3) | wire);

export function varintField(field: number, v: number | bigint): number[] { return [...tag(field, 0), ...varint(v)]; }

export function bytesField(field: number, bytes: ArrayLike<number>): number[] {
  return [...tag(field, 2), ...varint(bytes.length), ...Array.from(bytes)];
}

export function stringField(field: number, s: string): number[] { return bytesField(field, new TextEncoder().encode(s)); }

/** A packed repeated field of varints. */
export function packedVarints(field: number, values: (number | bigint)[]): number[] {
  return bytesField(field, values.flatMap((v) => varint(v)));
}

export function packedFloats(field: number, values: number[]): number[] {
  return bytesField(field, new Uint8Array(new Float32Array(values).buffer));
}

export function packedDoubles(field: number, values: number[]): number[] {
  return bytesField(field, new Uint8Array(new Float64Array(values).buffer));
}

/** Concatenate fields into message bytes. */
export function msg(...fields: number[][]): Uint8Array { return Uint8Array.from(fields.flat()); }

/** ONNX helpers: TensorProto with name/type/dims plus extra fields. */
export function tensorProto(name: string, dataType: number, dims: number[], ...extra: number[][]): Uint8Array {
  return msg(packedVarints(1, dims), varintField(2, dataType), stringField(8, name), ...extra);
}

/** A ModelProto with ir_version, one default-domain opset and a graph holding `graphFields`. */
export function modelProto(graphFields: number[][], irVersion = 8, opset = 13): Uint8Array {
  return msg(varintField(1, irVersion), bytesField(8, msg(stringField(1, ''), varintField(2, opset))),
    bytesField(7, msg(stringField(2, 'g'), ...graphFields)));
}

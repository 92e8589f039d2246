import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel } from '../../src/onnx';
import {
  BFLOAT16, BOOL, COMPLEX128, COMPLEX64, DATA_TYPES, DOUBLE, FLOAT, FLOAT16, INT16, INT32, INT64, INT8, STRING, UINT16, UINT32,
  UINT64, UINT8, tensorFromValues, tensorValues,
} from '../../src/graph/tensor';
import type { Attribute, Graph, Model, SparseTensor, Tensor, TypeInfo } from '../../src/graph/types';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { modelProto, packedDoubles, packedFloats, packedVarints, bytesField, stringField, tensorProto } from '../support/protoWriter';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** One initializer of every numeric data type, with distinctive bytes, plus a STRING tensor. */
function everyTensorType(): Tensor[] {
  const out: Tensor[] = [];
  for (const [code, info] of Object.entries(DATA_TYPES)) {
    const dataType = Number(code);
    if (dataType === STRING) continue;
    const raw = Uint8Array.from({ length: 3 * info.bytes }, (_, i) => (i * 37 + dataType) & 255);
    out.push({ name: `t_${info.name}`, dataType, dims: [3], raw });
  }
  out.push({ name: 't_string', dataType: STRING, dims: [2], strings: [utf8('hello'), utf8('')], docString: 'strings' });
  return out;
}

const sparse = (): SparseTensor => ({
  values: tensorFromValues('sv', FLOAT, [2], new Float32Array([1.5, -2])),
  indices: tensorFromValues('si', INT64, [2], new BigInt64Array([1n, 7n])),
  dims: [3, 4],
});

const TYPES: TypeInfo[] = [
  { kind: 'tensor', elemType: FLOAT, shape: [1, 'N', null], denotation: 'IMAGE' },
  { kind: 'tensor', elemType: INT64 },
  { kind: 'tensor', elemType: BOOL, shape: [] },
  { kind: 'sparse_tensor', elemType: DOUBLE, shape: [5, 5] },
  { kind: 'sequence', elem: { kind: 'tensor', elemType: FLOAT, shape: ['M'] } },
  { kind: 'map', keyType: INT64, value: { kind: 'sequence', elem: { kind: 'tensor', elemType: STRING } } },
  { kind: 'optional', elem: { kind: 'tensor', elemType: UINT8, shape: [2] } },
  { kind: 'unknown', denotation: 'mystery' },
];

function branch(name: string): Graph {
  return makeGraph([makeNode('Identity', ['c'], [`${name}_out`], {}, `${name}_id`)], [], [tensorInfo(`${name}_out`, [1])],
    [floatTensor('c', [1])], name);
}

/** Every attribute type, with refAttrName and docString on some. */
function everyAttribute(): Record<string, Attribute> {
  return {
    f: { type: 'float', value: 0.1 }, // not exactly representable: checks float32 storage survives
    i: { type: 'int', value: -7 },
    big: { type: 'int', value: 2n ** 60n + 1n },
    negbig: { type: 'int', value: -(2n ** 62n) },
    s: { type: 'string', value: Uint8Array.from([0, 255, 10]) },
    t: { type: 'tensor', value: tensorFromValues('', INT64, [2], new BigInt64Array([-1n, 2n ** 63n - 1n])) },
    g: { type: 'graph', value: branch('then') },
    st: { type: 'sparse_tensor', value: sparse() },
    tp: { type: 'type_proto', value: TYPES[0] },
    fs: { type: 'floats', value: [Math.fround(1.25), Math.fround(-0.3)] },
    is: { type: 'ints', value: [0, -1, 2n ** 53n, -(2n ** 63n)] },
    ss: { type: 'strings', value: [utf8('a'), utf8('')] },
    ts: { type: 'tensors', value: [floatTensor('x1', [2]), tensorFromValues('x2', UINT64, [1], new BigUint64Array([2n ** 64n - 1n]))] },
    gs: { type: 'graphs', value: [branch('a'), branch('b')] },
    sts: { type: 'sparse_tensors', value: [sparse(), sparse()] },
    tps: { type: 'type_protos', value: TYPES },
    u: { type: 'undefined', value: null },
    ref: { type: 'float', value: 0, refAttrName: 'alpha', docString: 'refers to the function attribute' },
  };
}

function everything(): Model {
  const g = makeGraph(
    [{ ...makeNode('Custom', ['x', '', 't_float32'], ['y'], {}, 'custom'), domain: 'com.example', attributes: everyAttribute(), docString: 'node doc' },
      makeNode('Relu', ['y'], ['z'])],
    TYPES.map((type, k) => ({ name: `in${k}`, type, ...(k === 0 ? { docString: 'first input' } : {}) })),
    [tensorInfo('z', ['N', 10])],
    everyTensorType(),
  );
  g.valueInfo = [tensorInfo('y', [null])];
  g.sparseInitializers = [sparse()];
  g.docString = 'graph doc';
  g.quantizationAnnotation = [{ tensorName: 'y', entries: { SCALE_TENSOR: 's', ZERO_POINT_TENSOR: 'zp' } }];
  return {
    ...makeModel(g, 17, 8),
    opsetImports: [{ domain: '', version: 17 }, { domain: 'com.example', version: 3 }],
    producerVersion: '1.0', domain: 'org.layerlab', modelVersion: 2n ** 63n - 1n, docString: 'model doc',
    metadata: { author: 'me', 'key with spaces': 'üñí' },
    functions: [{
      name: 'Custom', domain: 'com.example', inputs: ['a'], outputs: ['b'], attributes: ['alpha'],
      nodes: [{ ...makeNode('LeakyRelu', ['a'], ['b'], {}, 'lr'), attributes: { alpha: { type: 'float', value: 0, refAttrName: 'alpha' } } }],
      opsetImports: [{ domain: '', version: 17 }], docString: 'function doc',
    }],
  };
}

test('every attribute, tensor and value type round-trips through encode/decode', () => {
  const m = everything();
  const bytes = encodeModel(m);
  const back = decodeModel(bytes);
  // the float attribute is stored as float32; compare against the rounded value
  (m.graph.nodes[0].attributes.f as { value: number }).value = Math.fround(0.1);
  assert.deepStrictEqual(back, m);
  assert.deepStrictEqual(encodeModel(back), bytes, 'second encoding is byte-identical');
});

test('int64 attributes stay numbers when safe and bigints otherwise', () => {
  const back = decodeModel(encodeModel(everything()));
  const a = back.graph.nodes[0].attributes;
  assert.equal(a.i.value, -7);
  assert.equal(a.big.value, 2n ** 60n + 1n);
  assert.deepStrictEqual(a.is.value, [0, -1, 2n ** 53n, -(2n ** 63n)]);
  assert.equal(back.modelVersion, 2n ** 63n - 1n);
});

test('decoded initializer bytes are views of the input buffer, not copies', () => {
  const bytes = encodeModel(makeModel(makeGraph([], [], [], [floatTensor('W', [256])])));
  const raw = decodeModel(bytes).graph.initializers[0].raw!;
  assert.equal(raw.buffer, bytes.buffer);
  assert.equal(Object.getPrototypeOf(raw), Uint8Array.prototype);
  assert.deepStrictEqual(Array.from(tensorValues({ name: 'W', dataType: FLOAT, dims: [256], raw }) as Float32Array).slice(0, 3),
    [0, 0.01, 0.02].map(Math.fround));
});

test('typed tensor fields are normalized to little-endian raw bytes (ONNX field rules)', () => {
  const T = (name: string, type: number, dims: number[], field: number[]): number[] => bytesField(5, tensorProto(name, type, dims, field));
  const bytes = modelProto([
    T('f', FLOAT, [2], packedFloats(4, [1.5, -2])),
    T('c64', COMPLEX64, [1], packedFloats(4, [1, 2])),
    T('i32', INT32, [2], packedVarints(5, [-3, 2147483647])),
    T('i8', INT8, [2], packedVarints(5, [-3, 4])),
    T('u8', UINT8, [1], packedVarints(5, [250])),
    T('i16', INT16, [1], packedVarints(5, [-300])),
    T('u16', UINT16, [1], packedVarints(5, [65000])),
    T('b', BOOL, [2], packedVarints(5, [1, 0])),
    T('h', FLOAT16, [1], packedVarints(5, [0x3c00])),
    T('bf', BFLOAT16, [1], packedVarints(5, [0x3f80])),
    T('i64', INT64, [3], packedVarints(7, [-5, 2n ** 53n + 1n, -(2n ** 63n)])),
    T('d', DOUBLE, [1], packedDoubles(10, [0.1])),
    T('c128', COMPLEX128, [1], packedDoubles(10, [0.5, -0.5])),
    T('u32', UINT32, [1], packedVarints(11, [4000000000])),
    T('u64', UINT64, [1], packedVarints(11, [2n ** 64n - 1n])),
    T('s', STRING, [2], [...stringField(6, 'ab'), ...stringField(6, 'c')]),
  ]);
  const inits = Object.fromEntries(decodeModel(bytes).graph.initializers.map((t) => [t.name, t]));
  const values = (n: string): unknown[] => Array.from(tensorValues(inits[n]) as ArrayLike<unknown>);
  assert.deepStrictEqual(values('f'), [1.5, -2]);
  assert.deepStrictEqual(values('c64'), [1, 2]);
  assert.deepStrictEqual(values('i32'), [-3, 2147483647]);
  assert.deepStrictEqual(values('i8'), [-3, 4]);
  assert.deepStrictEqual(values('u8'), [250]);
  assert.deepStrictEqual(values('i16'), [-300]);
  assert.deepStrictEqual(values('u16'), [65000]);
  assert.deepStrictEqual(values('b'), [1, 0]);
  assert.deepStrictEqual(values('h'), [0x3c00]);
  assert.deepStrictEqual(values('bf'), [0x3f80]);
  assert.deepStrictEqual(values('i64'), [-5n, 2n ** 53n + 1n, -(2n ** 63n)]);
  assert.deepStrictEqual(values('d'), [0.1]);
  assert.deepStrictEqual(values('c128'), [0.5, -0.5]);
  assert.deepStrictEqual(values('u32'), [4000000000]);
  assert.deepStrictEqual(values('u64'), [2n ** 64n - 1n]);
  assert.deepStrictEqual(inits.s.strings!.map((s) => new TextDecoder().decode(s)), ['ab', 'c']);
  assert.equal(inits.s.raw, undefined);
  // re-encoded as raw_data, the values are unchanged
  const again = Object.fromEntries(decodeModel(encodeModel(decodeModel(bytes))).graph.initializers.map((t) => [t.name, t]));
  for (const name of Object.keys(inits)) assert.deepStrictEqual(again[name], inits[name], name);
});

test('a value without type and an attribute without type field decode to unknown/inferred', () => {
  // AttributeProto { name: "k", i: 5 } with no type (pre-IR-2 style), NodeProto { op_type: "Foo", attribute }
  const attr = [...stringField(1, 'k'), ...[0x18, 5]]; // field 3 (i) varint 5
  const node = [...stringField(4, 'Foo'), ...bytesField(5, attr)];
  const m = decodeModel(modelProto([bytesField(1, node), bytesField(11, stringField(1, 'x'))]));
  assert.deepStrictEqual(m.graph.nodes[0].attributes.k, { type: 'int', value: 5 });
  assert.deepStrictEqual(m.graph.inputs[0], { name: 'x', type: { kind: 'unknown' } });
});

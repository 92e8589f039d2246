import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomizeWeights, RANDOMIZE_SEED_KEY, RANDOMIZE_COUNT_KEY } from '../../src/graph/randomize';
import { FLOAT16, INT64, tensorFromValues, tensorValues } from '../../src/graph/tensor';
import type { Model, Tensor } from '../../src/graph/types';
import { validate } from '../../src/graph/validate';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

const int64 = (name: string, values: number[]): Tensor => tensorFromValues(name, INT64, [values.length], BigInt64Array.from(values.map(BigInt)));
const values = (m: Model, name: string): number[] => {
  const t = m.graph.initializers.find((x) => x.name === name);
  assert.ok(t, `initializer ${name}`);
  return Array.from(tensorValues(t) as Float32Array);
};
const std = (xs: number[]): number => Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;

function layers(): Model {
  return makeModel(makeGraph([
    makeNode('Conv', ['x', 'W', 'Wb'], ['a'], { kernel_shape: [3, 3] }, 'conv'),
    makeNode('BatchNormalization', ['a', 'scale', 'bias', 'mean', 'var'], ['b'], {}, 'bn'),
    makeNode('Clip', ['b', 'lo', 'hi'], ['c'], {}, 'clip'),
    makeNode('Reshape', ['c', 'shape'], ['d'], {}, 'flat'),
    makeNode('Gemm', ['d', 'F1', 'F1b'], ['e'], { transB: 1 }, 'fc1'),
    makeNode('Gemm', ['e', 'F2'], ['y'], {}, 'fc2'),
  ], [tensorInfo('x', [1, 64, 7, 7])], [tensorInfo('y', [1, 200])], [
    floatTensor('W', [64, 64, 3, 3], () => 0.5), floatTensor('Wb', [64], () => 3),
    ...['scale', 'bias', 'mean', 'var'].map((n) => floatTensor(n, [64], () => 7)),
    floatTensor('lo', [], () => -1), floatTensor('hi', [], () => 1), int64('shape', [1, -1]),
    floatTensor('F1', [800, 3136]), floatTensor('F1b', [800], () => 2), floatTensor('F2', [800, 200]),
  ]));
}

test('randomizeWeights: He-normal weights with fan-in from the shape (Gemm transB respected), zero biases', () => {
  const m = layers();
  const r = randomizeWeights(m, 1);
  const w = values(r, 'W');
  assert.ok(Math.abs(std(w) / Math.sqrt(2 / 576) - 1) < 0.03, `conv std ${std(w)}`);
  assert.ok(Math.abs(mean(w)) < 0.002);
  const f1 = values(r, 'F1'), f2 = values(r, 'F2');
  assert.ok(Math.abs(std(f1) / Math.sqrt(2 / 3136) - 1) < 0.01, `fc1 (transB=1, fan-in 3136) std ${std(f1)}`);
  assert.ok(Math.abs(std(f2) / Math.sqrt(2 / 800) - 1) < 0.02, `fc2 (transB=0, fan-in 800) std ${std(f2)}`);
  assert.deepEqual(values(r, 'Wb'), new Array(64).fill(0));
  assert.deepEqual(values(r, 'F1b'), new Array(800).fill(0));
});

test('randomizeWeights: BatchNormalization scale 1, bias 0, mean 0, var 1; other initializers kept as they are', () => {
  const m = layers();
  const r = randomizeWeights(m, 1);
  assert.deepEqual(['scale', 'bias', 'mean', 'var'].map((n) => values(r, n)[5]), [1, 0, 0, 1]);
  for (const name of ['lo', 'hi', 'shape']) {
    assert.equal(r.graph.initializers.find((t) => t.name === name), m.graph.initializers.find((t) => t.name === name), name);
  }
  assert.deepEqual(r.graph.nodes, m.graph.nodes);
  assert.equal(r.metadata[RANDOMIZE_SEED_KEY], '1');
  assert.equal(r.metadata[RANDOMIZE_COUNT_KEY], '9');
  assert.deepEqual(m.metadata, {}, 'the input model is not modified');
  assert.equal(tensorValues(m.graph.initializers[0])[0], 0.5);
});

test('randomizeWeights is deterministic per seed and per tensor name', () => {
  const a = randomizeWeights(layers(), 5), b = randomizeWeights(layers(), 5), c = randomizeWeights(layers(), 6);
  assert.deepEqual(values(a, 'W'), values(b, 'W'));
  assert.notDeepEqual(values(a, 'W'), values(c, 'W'));
  const m = layers();
  const fewer = { ...m, graph: { ...m.graph, nodes: m.graph.nodes.slice(0, 1), outputs: [tensorInfo('a')] } };
  assert.deepEqual(values(randomizeWeights(fewer, 5), 'W'), values(a, 'W'), 'independent of the other tensors');
  assert.throws(() => randomizeWeights(m, 1.5), /seed must be an integer, got 1.5/);
});

test('randomizeWeights keeps float16 weights as they are', () => {
  const h: Tensor = { name: 'W', dataType: FLOAT16, dims: [1, 1, 1, 1], raw: new Uint8Array([0, 60]) };
  const m = makeModel(makeGraph([makeNode('Conv', ['x', 'W'], ['y'], {}, 'c')], [tensorInfo('x', [1, 1, 1, 1], FLOAT16)], [tensorInfo('y')], [h]));
  assert.equal(randomizeWeights(m, 0).graph.initializers[0], h);
});

/** An IR 3 model like the ONNX "light" models: weights from ConstantOfShape, every initializer also a graph input. */
function light(): Model {
  const value = { type: 'tensor' as const, value: floatTensor('', [1], () => 0.02) };
  const cos = (shape: string, out: string) => ({ ...makeNode('ConstantOfShape', [shape], [out], {}, ''), attributes: { value } });
  const shapeConst = { ...makeNode('Constant', [], ['w2_shape'], {}, 'shape_const'), attributes: { value: { type: 'tensor' as const, value: int64('', [10, 16]) } } };
  const g = makeGraph([
    cos('w1_shape', 'w1'), cos('b1_shape', 'b1'), shapeConst, cos('w2_shape', 'w2'), cos('data_shape', 'z'),
    makeNode('Conv', ['x', 'w1', 'b1'], ['a'], { kernel_shape: [1, 1] }, 'conv'),
    makeNode('Reshape', ['a', 'flat_shape'], ['f'], {}, 'flat'),
    makeNode('Reshape', ['w2', 'w2_view'], ['w2r'], {}, 'view'),
    makeNode('Gemm', ['f', 'w2r'], ['g'], { transB: 1 }, 'fc'),
    makeNode('Add', ['g', 'z'], ['y'], {}, 'add'),
  ], [tensorInfo('x', [1, 4, 2, 2]), ...['w1_shape', 'b1_shape', 'data_shape', 'flat_shape', 'w2_view'].map((n) => tensorInfo(n, [4], INT64))],
  [tensorInfo('y', [1, 10])],
  [int64('w1_shape', [4, 4, 1, 1]), int64('b1_shape', [4]), int64('data_shape', [1, 10]), int64('flat_shape', [1, 16]), int64('w2_view', [10, 16])]);
  return { ...makeModel(g, 9, 3) };
}

test('randomizeWeights turns ConstantOfShape weights into initializers and drops what they leave unused', () => {
  const m = light();
  const r = randomizeWeights(m, 3);
  assert.equal(r.irVersion, 4, 'IR 4: initializers need not be graph inputs');
  assert.deepEqual(r.graph.inputs.map((v) => v.name), ['x'], 'initializer-backed inputs are removed');
  assert.deepEqual(r.graph.nodes.map((n) => n.name || n.opType), ['ConstantOfShape', 'conv', 'flat', 'view', 'fc', 'add'],
    'weight ConstantOfShape nodes and the shape Constant are gone; the one feeding Add as data stays');
  assert.deepEqual(r.graph.initializers.map((t) => [t.name, t.dims]), [
    ['data_shape', [2]], ['flat_shape', [2]], ['w2_view', [2]], ['w1', [4, 4, 1, 1]], ['b1', [4]], ['w2', [10, 16]],
  ]);
  assert.ok(values(r, 'w1').every((v) => v !== 0.02 && Number.isFinite(v)));
  assert.deepEqual(values(r, 'b1'), [0, 0, 0, 0]);
  assert.ok(Math.abs(std(values(r, 'w2')) / Math.sqrt(2 / 16) - 1) < 0.3, 'Gemm weight seen through the Reshape');
  assert.deepEqual(validate(r.graph), []);
  assert.equal(r.metadata[RANDOMIZE_COUNT_KEY], '3');
});

test('randomizeWeights with keepInitializerInputs keeps IR 3 and lists new initializers as inputs', () => {
  const r = randomizeWeights(light(), 3, { keepInitializerInputs: true });
  assert.equal(r.irVersion, 3);
  assert.deepEqual(r.graph.inputs.map((v) => v.name),
    ['x', 'w1_shape', 'b1_shape', 'data_shape', 'flat_shape', 'w2_view', 'w1', 'b1', 'w2']);
  assert.deepEqual(r.graph.inputs[6].type, { kind: 'tensor', elemType: 1, shape: [4, 4, 1, 1] });
  const names = new Set(r.graph.initializers.map((t) => t.name));
  assert.ok(['w1_shape', 'b1_shape', 'w1', 'b1', 'w2'].every((n) => names.has(n)));
  assert.deepEqual(validate(r.graph), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferShapes, spatialOut, broadcast } from '../../src/graph/shapes';
import { INT64, tensorFromValues } from '../../src/graph/tensor';
import type { Dim, Node, Tensor } from '../../src/graph/types';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

function ints(name: string, values: number[], dims = [values.length]): Tensor {
  return tensorFromValues(name, INT64, dims, BigInt64Array.from(values.map(BigInt)));
}

/** Infer a one-or-more-node graph whose input is `x` with `shape`; returns the shape of `y` and the result. */
function run(nodes: Node[], shape: Dim[] | undefined, opts: { inits?: Tensor[]; opset?: number; extraInputs?: [string, Dim[]][] } = {}) {
  const inputs = [tensorInfo('x', shape), ...(opts.extraInputs ?? []).map(([n, s]) => tensorInfo(n, s))];
  const model = makeModel(makeGraph(nodes, inputs, [tensorInfo('y')], opts.inits ?? []), opts.opset ?? 13);
  const r = inferShapes(model);
  return { y: r.shapes.get('y'), r };
}

test('spatialOut: floor, ceil_mode, SAME and VALID', () => {
  const w = { k: 3, s: 2, d: 1, padBegin: 0, padEnd: 0, autoPad: 'NOTSET' };
  assert.equal(spatialOut(56, w), 27);
  assert.equal(spatialOut(56, { ...w, ceil: true }), 28);
  assert.equal(spatialOut(55, { ...w, ceil: true }), 27); // floor and ceil agree on 55
  assert.equal(spatialOut(224, { ...w, k: 11, s: 4 }), 54);
  assert.equal(spatialOut(7, { ...w, autoPad: 'SAME_UPPER' }), 4);
  assert.equal(spatialOut(7, { ...w, autoPad: 'VALID' }), 3);
  // ceil_mode's last window would start in the end padding: dropped (4 -> 3)
  assert.equal(spatialOut(5, { k: 2, s: 2, d: 1, padBegin: 1, padEnd: 1, autoPad: 'NOTSET', ceil: true }), 3);
  assert.equal(spatialOut('H', w), null);
});

test('Conv: stride, pads, MACs and params (bias not in MACs)', () => {
  const { y, r } = run([makeNode('Conv', ['x', 'W', 'B'], ['y'], { strides: [4, 4], kernel_shape: [11, 11] }, 'c')], [1, 3, 224, 224],
    { inits: [floatTensor('W', [96, 3, 11, 11]), floatTensor('B', [96])] });
  assert.deepEqual(y, [1, 96, 54, 54]);
  assert.equal(r.nodes[0].macs, 96 * 54 * 54 * 3 * 11 * 11);
  assert.equal(r.nodes[0].params, 96 * 3 * 11 * 11 + 96);
  assert.deepEqual(r.unknownNodes, []);
});

test('Conv: groups, dilation, kernel from weights', () => {
  const { y, r } = run([makeNode('Conv', ['x', 'W'], ['y'], { group: 2, dilations: [2, 2], pads: [2, 2, 2, 2] })], [2, 96, 27, 27],
    { inits: [floatTensor('W', [256, 48, 5, 5])] });
  // effective kernel 9: 27 + 4 - 9 + 1 = 23
  assert.deepEqual(y, [2, 256, 23, 23]);
  assert.equal(r.nodes[0].macs, 2 * 256 * 23 * 23 * 48 * 25);
});

test('Conv: auto_pad SAME_UPPER, SAME_LOWER, VALID', () => {
  for (const [autoPad, want] of [['SAME_UPPER', 38], ['SAME_LOWER', 38], ['VALID', 37]] as const) {
    const { y } = run([makeNode('Conv', ['x', 'W'], ['y'], { auto_pad: autoPad, strides: [2, 2] })], [1, 3, 75, 75],
      { inits: [floatTensor('W', [8, 3, 3, 3])] });
    assert.deepEqual(y, [1, 8, want, want], autoPad);
  }
});

test('Conv: symbolic batch stays symbolic, MACs unknown; inputShapes fixes both', () => {
  const nodes = [makeNode('Conv', ['x', 'W'], ['y'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] })];
  const { y, r } = run(nodes, ['N', 3, 8, 8], { inits: [floatTensor('W', [4, 3, 3, 3])] });
  assert.deepEqual(y, ['N', 4, 8, 8]);
  assert.equal(r.nodes[0].macs, null);
  const model = makeModel(makeGraph(nodes, [tensorInfo('x', ['N', 3, 8, 8])], [tensorInfo('y')], [floatTensor('W', [4, 3, 3, 3])]));
  const fixed = inferShapes(model, { inputShapes: { x: [2, 3, 8, 8] } });
  assert.deepEqual(fixed.shapes.get('y'), [2, 4, 8, 8]);
  assert.equal(fixed.nodes[0].macs, 2 * 4 * 64 * 27);
  assert.throws(() => inferShapes(model, { inputShapes: { nope: [1] } }), /"nope" is not a graph input \(inputs: x\)/);
});

test('Conv: channel mismatch is listed as rule-failed, not thrown', () => {
  const { y, r } = run([makeNode('Conv', ['x', 'W'], ['y'], {}, 'bad')], [1, 5, 8, 8], { inits: [floatTensor('W', [4, 3, 3, 3])] });
  assert.equal(y, null);
  assert.equal(r.unknownNodes[0].reason, 'rule-failed');
  assert.match(r.unknownNodes[0].detail ?? '', /5 channels/);
});

test('ConvTranspose: stride 2 doubles, output_padding, MACs', () => {
  const { y, r } = run([makeNode('ConvTranspose', ['x', 'W'], ['y'], { strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] })],
    [1, 8, 10, 10], { inits: [floatTensor('W', [8, 4, 3, 3])] });
  assert.deepEqual(y, [1, 4, 20, 20]); // 2*9 + 1 + 3 - 2
  assert.equal(r.nodes[0].macs, 8 * 100 * 4 * 9);
});

test('MaxPool/AveragePool: ceil vs floor, pads, dilations, auto_pad; Indices output', () => {
  const pool = (op: string, a: Parameters<typeof makeNode>[3], shape: number[]) => run([makeNode(op, ['x'], ['y'], a)], shape).y;
  assert.deepEqual(pool('MaxPool', { kernel_shape: [3, 3], strides: [2, 2] }, [1, 64, 112, 112]), [1, 64, 55, 55]);
  assert.deepEqual(pool('MaxPool', { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }, [1, 64, 112, 112]), [1, 64, 56, 56]);
  assert.deepEqual(pool('AveragePool', { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }, [1, 8, 13, 13]), [1, 8, 6, 6]);
  assert.deepEqual(pool('MaxPool', { kernel_shape: [3, 3], strides: [2, 2], pads: [0, 0, 1, 1] }, [1, 256, 13, 13]), [1, 256, 6, 6]);
  assert.deepEqual(pool('MaxPool', { kernel_shape: [2, 2], dilations: [2, 2] }, [1, 1, 7, 7]), [1, 1, 5, 5]);
  assert.deepEqual(pool('AveragePool', { kernel_shape: [3, 3], strides: [2, 2], auto_pad: 'SAME_UPPER' }, [1, 1, 7, 7]), [1, 1, 4, 4]);
  assert.deepEqual(pool('GlobalAveragePool', {}, [1, 1000, 13, 13]), [1, 1000, 1, 1]);
  const { r } = run([makeNode('MaxPool', ['x'], ['y', 'idx'], { kernel_shape: [2, 2], strides: [2, 2] })], [1, 2, 4, 4], { opset: 12 });
  assert.deepEqual(r.shapes.get('idx'), [1, 2, 2, 2]);
  assert.equal(r.nodes[0].macs, 0);
});

test('Gemm: transA/transB, MACs; MatMul broadcasts batch dims and promotes 1-D', () => {
  let o = run([makeNode('Gemm', ['x', 'W', 'B'], ['y'], { transB: 1 })], [1, 9216], { inits: [floatTensor('W', [4096, 9216], () => 0), floatTensor('B', [4096])] });
  assert.deepEqual(o.y, [1, 4096]);
  assert.equal(o.r.nodes[0].macs, 4096 * 9216);
  assert.equal(o.r.nodes[0].params, 4096 * 9216 + 4096);
  o = run([makeNode('Gemm', ['x', 'W'], ['y'], { transA: 1 })], [5, 3], { inits: [floatTensor('W', [5, 7])] });
  assert.deepEqual(o.y, [3, 7]);
  o = run([makeNode('MatMul', ['x', 'b'], ['y'])], [2, 1, 4, 5], { extraInputs: [['b', [3, 5, 6]]] });
  assert.deepEqual(o.y, [2, 3, 4, 6]);
  assert.equal(o.r.nodes[0].macs, 6 * 4 * 6 * 5);
  o = run([makeNode('MatMul', ['x', 'b'], ['y'])], [5], { extraInputs: [['b', [2, 5, 6]]] });
  assert.deepEqual(o.y, [2, 6]);
  o = run([makeNode('MatMul', ['x', 'b'], ['y'])], [3, 4], { extraInputs: [['b', [5, 6]]] });
  assert.equal(o.y, null);
  assert.equal(o.r.unknownNodes[0].reason, 'rule-failed');
});

test('broadcasting: Add/Mul/Sub/Div, symbols, errors', () => {
  assert.deepEqual(broadcast([[8, 1, 6], [7, 1]]), [8, 7, 6]);
  assert.deepEqual(broadcast([['N', 3, 1], [1, 5]]), ['N', 3, 5]);
  assert.deepEqual(broadcast([['N', 1], ['M', 4]]), [null, 4]);
  for (const op of ['Add', 'Mul', 'Sub', 'Div']) {
    const { y } = run([makeNode(op, ['x', 'b'], ['y'])], [2, 1, 5], { extraInputs: [['b', [3, 1]]] });
    assert.deepEqual(y, [2, 3, 5], op);
  }
  const bad = run([makeNode('Add', ['x', 'b'], ['y'])], [2, 4], { extraInputs: [['b', [3]]] });
  assert.equal(bad.y, null);
  assert.match(bad.r.unknownNodes[0].detail ?? '', /cannot broadcast dimensions 4 and 3/);
  // opset 6: legacy broadcast of B onto A
  assert.deepEqual(run([makeNode('Add', ['x', 'b'], ['y'], { broadcast: 1, axis: 1 })], [2, 3, 4], { opset: 6, extraInputs: [['b', [3]]] }).y, [2, 3, 4]);
});

test('unary ops, Softmax, LRN, BatchNormalization, Dropout with mask, Clip by opset, Identity', () => {
  for (const op of ['Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Softmax', 'LRN', 'Identity']) {
    assert.deepEqual(run([makeNode(op, ['x'], ['y'], op === 'LRN' ? { size: 5 } : {})], [1, 3, 5, 5]).y, [1, 3, 5, 5], op);
  }
  const d = run([makeNode('Dropout', ['x'], ['y', 'mask'], { ratio: 0.5 })], [1, 4096], { opset: 9 });
  assert.deepEqual(d.r.shapes.get('mask'), [1, 4096]);
  const c11 = run([makeNode('Clip', ['x', 'lo', 'hi'], ['y'])], [2, 3], { opset: 11, inits: [floatTensor('lo', []), floatTensor('hi', [])] });
  assert.deepEqual(c11.y, [2, 3]);
  assert.equal(c11.r.nodes[0].params, 0, 'Clip bounds are not parameters');
  assert.deepEqual(run([makeNode('Clip', ['x'], ['y'], { min: 0, max: 6 })], [2, 3], { opset: 6 }).y, [2, 3]);
  const bn = run([makeNode('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y'])], [1, 16, 4, 4],
    { inits: ['s', 'b', 'm', 'v'].map((n) => floatTensor(n, [16])) });
  assert.deepEqual(bn.y, [1, 16, 4, 4]);
  assert.equal(bn.r.nodes[0].params, 32, 'scale and bias only; running stats are buffers');
});

test('Concat (negative axis), Flatten, Transpose, Gather', () => {
  const cat = run([makeNode('Concat', ['x', 'b'], ['y'], { axis: -3 })], [1, 64, 13, 13], { extraInputs: [['b', [1, 192, 13, 13]]] });
  assert.deepEqual(cat.y, [1, 256, 13, 13]);
  assert.deepEqual(run([makeNode('Flatten', ['x'], ['y'])], [2, 256, 6, 6]).y, [2, 9216]);
  assert.deepEqual(run([makeNode('Flatten', ['x'], ['y'], { axis: -1 })], [2, 3, 4]).y, [6, 4]);
  assert.deepEqual(run([makeNode('Flatten', ['x'], ['y'], { axis: 0 })], [2, 3]).y, [1, 6]);
  assert.deepEqual(run([makeNode('Flatten', ['x'], ['y'])], ['N', 3, 4]).y, ['N', 12]);
  assert.deepEqual(run([makeNode('Transpose', ['x'], ['y'], { perm: [0, 2, 3, 1] })], [1, 3, 5, 7]).y, [1, 5, 7, 3]);
  assert.deepEqual(run([makeNode('Transpose', ['x'], ['y'])], [1, 3, 5]).y, [5, 3, 1]);
  assert.deepEqual(run([makeNode('Gather', ['x', 'i'], ['y'], { axis: 1 })], [2, 10, 4], { inits: [ints('i', [1, 2, 3, 4, 5, 6], [2, 3])] }).y, [2, 2, 3, 4]);
});

test('Reshape: 0 copies, -1 infers, allowzero, symbolic batch, shape from Constant', () => {
  const reshape = (shape: number[], input: Dim[], a = {}, opset = 13) =>
    run([makeNode('Reshape', ['x', 's'], ['y'], a)], input, { inits: [ints('s', shape)], opset });
  assert.deepEqual(reshape([0, -1], [2, 3, 4]).y, [2, 12]);
  assert.deepEqual(reshape([-1, 4], [2, 3, 4]).y, [6, 4]);
  assert.deepEqual(reshape([0, -1], ['N', 256, 6, 6]).y, ['N', 9216]);
  assert.deepEqual(reshape([-1, 9216], ['N', 256, 6, 6]).y, [null, 9216]);
  assert.deepEqual(reshape([0, 0, -1], [2, 3, 4, 5]).y, [2, 3, 20]);
  assert.deepEqual(reshape([0, 4], [0, 4], { allowzero: 1 }, 14).y, [0, 4]);
  assert.deepEqual(reshape([3, 0], [3, 4], { allowzero: 0 }, 14).y, [3, 4]);
  const bad = reshape([5, -1], [2, 3, 4]);
  assert.equal(bad.y, null);
  assert.equal(bad.r.unknownNodes[0].reason, 'rule-failed');
  const viaConst = run([makeNode('Constant', [], ['s'], { value: ints('v', [1, -1]) }), makeNode('Reshape', ['x', 's'], ['y'])], [1, 256, 6, 6]);
  assert.deepEqual(viaConst.y, [1, 9216]);
  // unknown shape operand: an input, not a constant
  const dyn = run([makeNode('Reshape', ['x', 's'], ['y'])], [2, 3], { extraInputs: [['s', [2]]] });
  assert.equal(dyn.y, null);
  assert.match(dyn.r.unknownNodes[0].detail ?? '', /not a known constant/);
});

test('Shape -> Gather -> Unsqueeze -> Concat -> Reshape resolves (PyTorch flatten pattern)', () => {
  const nodes = [
    makeNode('Shape', ['x'], ['sh']),
    makeNode('Gather', ['sh', 'zero'], ['n'], { axis: 0 }),
    makeNode('Unsqueeze', ['n', 'ax0'], ['n1']),
    makeNode('Concat', ['n1', 'minus1'], ['target'], { axis: 0 }),
    makeNode('Reshape', ['x', 'target'], ['y']),
  ];
  const { y, r } = run(nodes, [4, 3, 2, 2], { inits: [ints('zero', [0], []), ints('ax0', [0]), ints('minus1', [-1])] });
  assert.deepEqual(y, [4, 12]);
  assert.deepEqual(r.unknownNodes, []);
  assert.equal(r.params, 0, 'int64 operands are not parameters');
});

test('integer values through unary ops: Neg and Abs are applied, value-changing ops drop the values', () => {
  const chain = (op: string) => [
    makeNode(op, ['k'], ['k2']),
    makeNode('Concat', ['k2', 'minus1'], ['target'], { axis: 0 }),
    makeNode('Reshape', ['x', 'target'], ['y']),
  ];
  const inits = [ints('k', [-3]), ints('minus1', [-1])];
  assert.deepEqual(run(chain('Neg'), [2, 6], { inits }).y, [3, 4]);
  assert.deepEqual(run(chain('Abs'), [2, 6], { inits }).y, [3, 4]);
  const sig = run(chain('Sigmoid'), [2, 6], { inits });
  assert.equal(sig.y, null, 'a value-changing op leaves the target shape unknown, never wrong');
});

test('Squeeze/Unsqueeze: axes attribute before opset 13, input from 13', () => {
  assert.deepEqual(run([makeNode('Squeeze', ['x'], ['y'], { axes: [0, -2] })], [1, 3, 1, 5], { opset: 11 }).y, [3, 5]);
  assert.deepEqual(run([makeNode('Squeeze', ['x', 'a'], ['y'])], [1, 3, 1, 5], { inits: [ints('a', [2])] }).y, [1, 3, 5]);
  assert.deepEqual(run([makeNode('Squeeze', ['x'], ['y'])], [1, 3, 1, 5]).y, [3, 5]);
  // at opset 13 an `axes` attribute is not read: all size-1 dims go
  assert.deepEqual(run([makeNode('Squeeze', ['x'], ['y'], { axes: [0] })], [1, 3, 1, 5], { opset: 13 }).y, [3, 5]);
  assert.deepEqual(run([makeNode('Unsqueeze', ['x'], ['y'], { axes: [0, 3] })], [3, 5], { opset: 11 }).y, [1, 3, 5, 1]);
  assert.deepEqual(run([makeNode('Unsqueeze', ['x', 'a'], ['y'])], [3, 5], { inits: [ints('a', [-1])] }).y, [3, 5, 1]);
});

test('Constant and ConstantOfShape; ConstantOfShape weights count as the Conv\'s params', () => {
  const nodes = [
    makeNode('ConstantOfShape', ['wshape'], ['W'], { value: floatTensor('v', [1], () => 0.02) }),
    makeNode('ConstantOfShape', ['bshape'], ['B'], { value: floatTensor('v', [1], () => 0.02) }),
    makeNode('Conv', ['x', 'W', 'B'], ['y'], { kernel_shape: [3, 3] }, 'conv'),
  ];
  const { y, r } = run(nodes, [1, 3, 10, 10], { inits: [ints('wshape', [16, 3, 3, 3]), ints('bshape', [16])] });
  assert.deepEqual(y, [1, 16, 8, 8]);
  assert.deepEqual(r.shapes.get('W'), [16, 3, 3, 3]);
  assert.deepEqual(r.nodes.map((n) => [n.name, n.params, n.constant]), [['constantofshape_' + nodes[0].name.split('_')[1], 0, true],
    ['constantofshape_' + nodes[1].name.split('_')[1], 0, true], ['conv', 16 * 27 + 16, false]]);
  assert.equal(r.params, 448);
  const c = run([makeNode('Constant', [], ['y'], { value: floatTensor('k', [2, 5]) })], undefined);
  assert.deepEqual(c.y, [2, 5]);
});

test('a weight read by two nodes is counted once; unnamed nodes get op_index names', () => {
  const nodes = [makeNode('MatMul', ['x', 'W'], ['h'], {}, ''), makeNode('MatMul', ['h', 'W'], ['y'], {}, '')];
  const { y, r } = run(nodes, [2, 4], { inits: [floatTensor('W', [4, 4])] });
  assert.deepEqual(y, [2, 4]);
  assert.deepEqual(r.nodes.map((n) => [n.name, n.params, n.macs]), [['MatMul_0', 16, 32], ['MatMul_1', 0, 32]]);
  assert.equal(r.macs, 64);
});

test('QuantizeLinear/DequantizeLinear, QLinearConv, QLinearMatMul', () => {
  const scales = ['xs', 'xz', 'ws', 'wz', 'ys', 'yz'].map((n) => floatTensor(n, []));
  const q = run([makeNode('QLinearConv', ['x', 'xs', 'xz', 'w', 'ws', 'wz', 'ys', 'yz'], ['y'], { pads: [1, 1, 1, 1] })], [1, 4, 6, 6],
    { inits: [...scales, floatTensor('w', [8, 4, 3, 3])] });
  assert.deepEqual(q.y, [1, 8, 6, 6]);
  assert.equal(q.r.nodes[0].macs, 8 * 36 * 4 * 9);
  assert.equal(q.r.nodes[0].params, 8 * 4 * 9, 'scales and zero points are not parameters');
  const m = run([makeNode('QLinearMatMul', ['x', 'xs', 'xz', 'w', 'ws', 'wz', 'ys', 'yz'], ['y'])], [3, 4], { inits: [...scales, floatTensor('w', [4, 5])] });
  assert.deepEqual(m.y, [3, 5]);
  assert.deepEqual(run([makeNode('QuantizeLinear', ['x', 's'], ['y'])], [2, 3], { inits: [floatTensor('s', [])] }).y, [2, 3]);
  // weights dequantized at load time: the Conv counts them once
  const dq = run([makeNode('DequantizeLinear', ['wq', 's'], ['w']), makeNode('Conv', ['x', 'w'], ['y'])], [1, 4, 3, 3],
    { inits: [floatTensor('wq', [2, 4, 3, 3]), floatTensor('s', [])] });
  assert.deepEqual(dq.y, [1, 2, 1, 1]);
  assert.deepEqual(dq.r.nodes.map((n) => n.params), [0, 72]);
});

test('Split, Slice, Pad, ReduceMean, Expand', () => {
  const sp = run([makeNode('Split', ['x', 's'], ['y', 'z'], { axis: 1 })], [1, 10], { inits: [ints('s', [3, 7])] });
  assert.deepEqual([sp.y, sp.r.shapes.get('z')], [[1, 3], [1, 7]]);
  const sp11 = run([makeNode('Split', ['x'], ['y', 'z'], { axis: 1 })], [1, 10], { opset: 11 });
  assert.deepEqual([sp11.y, sp11.r.shapes.get('z')], [[1, 5], [1, 5]]);
  const sl = run([makeNode('Slice', ['x', 'st', 'en', 'ax', 'stp'], ['y'])], [4, 10], { inits: [ints('st', [1]), ints('en', [-1]), ints('ax', [1]), ints('stp', [2])] });
  assert.deepEqual(sl.y, [4, 4]);
  assert.deepEqual(run([makeNode('Pad', ['x', 'p'], ['y'])], [1, 3, 4, 4], { opset: 13, inits: [ints('p', [0, 0, 1, 2, 0, 0, 1, 2])] }).y, [1, 3, 6, 8]);
  assert.deepEqual(run([makeNode('ReduceMean', ['x'], ['y'], { axes: [2, 3], keepdims: 0 })], [1, 64, 7, 7]).y, [1, 64]);
  assert.deepEqual(run([makeNode('Expand', ['x', 's'], ['y'])], [3, 1], { inits: [ints('s', [2, 1, 6])] }).y, [2, 3, 6]);
});

test('unknown op: unknown shape listed, downstream nodes listed, never a throw', () => {
  const nodes = [makeNode('FancyOp', ['x'], ['h'], {}, 'fancy'), makeNode('Relu', ['h'], ['y'], {}, 'after')];
  const { y, r } = run(nodes, [1, 3]);
  assert.equal(y, null);
  assert.deepEqual(r.unknownNodes.map((u) => [u.name, u.opType, u.reason]), [['fancy', 'FancyOp', 'no-rule'], ['after', 'Relu', 'unknown-input-shape']]);
  assert.deepEqual(r.nodes.map((n) => n.macs), [null, null]);
  // a custom domain has no rules, even for a known op name
  const custom: Node = { ...makeNode('Relu', ['x'], ['y'], {}, 'ms'), domain: 'com.microsoft' };
  assert.equal(run([custom], [1]).r.unknownNodes[0].reason, 'no-rule');
  // unknown-rank input
  assert.equal(run([makeNode('Relu', ['x'], ['y'])], undefined).r.unknownNodes[0].reason, 'unknown-input-shape');
});

test('nodes out of order are inferred in dependency order', () => {
  const nodes = [makeNode('Relu', ['h'], ['y'], {}, 'second'), makeNode('Flatten', ['x'], ['h'], {}, 'first')];
  const { y, r } = run(nodes, [2, 3, 4]);
  assert.deepEqual(y, [2, 12]);
  assert.deepEqual(r.nodes.map((n) => n.name), ['second', 'first'], 'records keep graph order');
});

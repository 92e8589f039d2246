import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectModel } from '../../src/inspect/inspect';
import { INT64, tensorFromValues } from '../../src/graph/tensor';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

function tinyNet() {
  const nodes = [
    makeNode('ConstantOfShape', ['wshape'], ['W'], { value: floatTensor('v', [1], () => 0.02) }, 'make_w'),
    makeNode('Conv', ['x', 'W', 'B'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, 'conv'),
    makeNode('Relu', ['c'], ['r'], {}, 'relu'),
    makeNode('GlobalAveragePool', ['r'], ['p'], {}, 'gap'),
    makeNode('Flatten', ['p'], ['f'], {}, 'flat'),
    makeNode('Gemm', ['f', 'FC', 'FB'], ['y'], { transB: 1 }, 'fc'),
  ];
  const inits = [tensorFromValues('wshape', INT64, [4], BigInt64Array.from([8n, 3n, 3n, 3n])), floatTensor('B', [8]),
    floatTensor('FC', [10, 8]), floatTensor('FB', [10])];
  return makeModel(makeGraph(nodes, [tensorInfo('x', ['N', 3, 16, 16]), tensorInfo('wshape', [4], INT64)], [tensorInfo('y', ['N', 10])], inits), 11);
}

test('inspectModel: totals, histogram, per-node records, inputs without initializers', () => {
  const ins = inspectModel(tinyNet(), { fileBytes: 1234, inputShapes: { x: [2, 3, 16, 16] } });
  assert.equal(ins.fileBytes, 1234);
  assert.equal(ins.opset, 11);
  assert.equal(ins.params, 8 * 27 + 8 + 80 + 10);
  assert.equal(ins.macs, 2 * 8 * 256 * 27 + 2 * 10 * 8);
  assert.deepEqual(ins.opHistogram, { ConstantOfShape: 1, Conv: 1, Relu: 1, GlobalAveragePool: 1, Flatten: 1, Gemm: 1 });
  assert.deepEqual(ins.nodes.map((n) => [n.name, n.opType, n.outputShape, n.params, n.macs]), [
    ['make_w', 'ConstantOfShape', [8, 3, 3, 3], 0, 0],
    ['conv', 'Conv', [2, 8, 16, 16], 224, 2 * 8 * 256 * 27],
    ['relu', 'Relu', [2, 8, 16, 16], 0, 0],
    ['gap', 'GlobalAveragePool', [2, 8, 1, 1], 0, 0],
    ['flat', 'Flatten', [2, 8], 0, 0],
    ['fc', 'Gemm', [2, 10], 90, 160],
  ]);
  assert.deepEqual(ins.inputs, [{ name: 'x', shape: [2, 3, 16, 16], elemType: 'float32' }]);
  assert.deepEqual(ins.outputs, [{ name: 'y', shape: [2, 10], elemType: 'float32' }]);
  assert.equal(ins.unknownShapeNodes, 0);
});

test('inspectModel: symbolic batch keeps shapes symbolic and MACs unknown; a number is the file size', () => {
  const ins = inspectModel(tinyNet(), 99);
  assert.equal(ins.fileBytes, 99);
  assert.deepEqual(ins.nodes[1].outputShape, ['N', 8, 16, 16]);
  assert.equal(ins.nodes[1].macs, null);
  assert.equal(ins.macs, 0);
  assert.equal(ins.params, 314, 'params do not depend on the batch');
  assert.equal(inspectModel(tinyNet()).fileBytes, null);
});

test('inspectModel: unknown op counted in unknownShapeNodes with its reason', () => {
  const m = makeModel(makeGraph([makeNode('Mystery', ['x'], ['h'], {}, 'm'), makeNode('Relu', ['h'], ['y'], {}, 'r')],
    [tensorInfo('x', [1, 2])], [tensorInfo('y')]));
  const ins = inspectModel(m);
  assert.equal(ins.unknownShapeNodes, 2);
  assert.deepEqual(ins.unknownNodes.map((u) => u.reason), ['no-rule', 'unknown-input-shape']);
  // a declared output shape stands in for what cannot be inferred (still listed as unknown)
  m.graph.outputs = [tensorInfo('y', [1, 2])];
  const declared = inspectModel(m);
  assert.deepEqual(declared.nodes[1].outputShape, [1, 2]);
  assert.equal(declared.unknownShapeNodes, 1);
  assert.deepEqual(declared.unknownNodes.map((u) => u.name), ['m', 'r']);
});

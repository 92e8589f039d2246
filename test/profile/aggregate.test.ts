import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeTimings, representativeRun, shares } from '../../src/profile/aggregate';
import { categorize, STUDY_CATEGORIES } from '../../src/profile/categories';
import type { NodeRecord } from '../../src/profile/types';

const rec = (node: string, opType: string, run: number, ms: number): NodeRecord =>
  ({ node, opType, provider: 'CPUExecutionProvider', ms, run, inputShapes: [], outputShapes: [[1, 2]] });

// run 0 is warm-up; runs 1..3 timed. conv medians: [4, 6, 5] -> 5; relu [1, 1, 3] -> 1; fc [2, 2, 2] -> 2; loop node twice in run 2.
const records = [
  rec('conv', 'Conv', 0, 100), rec('relu', 'Relu', 0, 100),
  rec('conv', 'Conv', 1, 4), rec('relu', 'Relu', 1, 1), rec('fc', 'Gemm', 1, 2),
  rec('conv', 'Conv', 2, 6), rec('relu', 'Relu', 2, 1), rec('fc', 'Gemm', 2, 1), rec('fc', 'Gemm', 2, 1),
  rec('conv', 'Conv', 3, 5), rec('relu', 'Relu', 3, 3), rec('fc', 'Gemm', 3, 2),
];

test('nodeTimings: medians over the timed runs only, summing repeats, pct of the node total', () => {
  const t = nodeTimings(records, [1, 2, 3]);
  assert.deepStrictEqual(t.map((n) => [n.node, n.opType, n.category, n.ms, n.pct]), [
    ['conv', 'Conv', 'convolution', 5, 62.5], ['relu', 'Relu', 'relu', 1, 12.5], ['fc', 'Gemm', 'fully connected', 2, 25],
  ]);
  assert.equal(t[0].fusedFrom, undefined);
  // a node absent from a timed run counts 0 there
  assert.deepStrictEqual(nodeTimings([rec('a', 'Relu', 1, 3)], [1, 2, 3]).map((n) => n.ms), [0]);
});

test('nodeTimings: attribution gives Caffe names, fused origins and the cccp category', () => {
  const t = nodeTimings(records, [1, 2, 3], (n) => (n === 'conv' ? { original: ['conv', 'relu_x'], caffeLayer: 'cccp1', caffeType: 'Convolution' }
    : n === 'fc' ? { original: ['fc'] } : { original: [] }));
  assert.deepStrictEqual(t[0], { node: 'conv', opType: 'Conv', category: 'cccp', caffeLayer: 'cccp1', caffeType: 'Convolution',
    fusedFrom: ['conv', 'relu_x'], ms: 5, pct: 62.5, outputShapes: [[1, 2]] });
  assert.equal(t[2].fusedFrom, undefined);
});

test('shares by op type and by category: sorted, counted, pct summing to 100', () => {
  const t = nodeTimings([...records, rec('fc2', 'MatMul', 1, 2), rec('fc2', 'MatMul', 2, 2), rec('fc2', 'MatMul', 3, 2)], [1, 2, 3]);
  assert.deepStrictEqual(shares(t, 'category'), [
    { type: 'convolution', ms: 5, pct: 50, count: 1 }, { type: 'fully connected', ms: 4, pct: 40, count: 2 }, { type: 'relu', ms: 1, pct: 10, count: 1 },
  ]);
  assert.deepStrictEqual(shares(t, 'opType').map((s) => [s.type, s.ms]), [['Conv', 5], ['Gemm', 2], ['MatMul', 2], ['Relu', 1]]);
  assert.deepStrictEqual(shares([], 'opType'), []);
});

test('representativeRun: the timed run whose node total is closest to the median', () => {
  // totals: run1 7, run2 9, run3 10 -> median 9 -> run 2
  assert.equal(representativeRun(records, [1, 2, 3]), 2);
  assert.equal(representativeRun(records, []), -1);
});

test('categories: study strategy by ONNX op or Caffe type, cccp by layer name; other strategies; invalid name', () => {
  const cases: [string, string][] = [['Conv', 'convolution'], ['FusedConv', 'convolution'], ['Gemm', 'fully connected'], ['MatMul', 'fully connected'],
    ['MaxPool', 'pooling'], ['GlobalAveragePool', 'pooling'], ['LRN', 'normalization'], ['BatchNormalization', 'normalization'], ['Relu', 'relu'],
    ['Concat', 'concat'], ['Softmax', 'softmax'], ['Dropout', 'dropout'], ['Flatten', 'other'], ['ReorderInput', 'other']];
  for (const [op, cat] of cases) assert.equal(categorize('study', { opType: op }), cat, op);
  assert.equal(categorize('study', { opType: 'Conv', caffeLayer: 'cccp5', caffeType: 'Convolution' }), 'cccp');
  assert.equal(categorize('study', { opType: 'Conv', caffeLayer: 'conv1', caffeType: 'Convolution' }), 'convolution');
  assert.equal(categorize('study', { opType: 'Flatten', caffeLayer: 'fc6', caffeType: 'InnerProduct' }), 'fully connected');
  assert.equal(categorize('study', { opType: 'Mul', caffeLayer: 'x', caffeType: 'Eltwise' }), 'other');
  assert.equal(categorize('op-type', { opType: 'LRN', caffeType: 'LRN' }), 'LRN');
  assert.equal(categorize('caffe-type', { opType: 'Flatten', caffeType: 'InnerProduct' }), 'InnerProduct');
  assert.ok(STUDY_CATEGORIES.includes('cccp') && STUDY_CATEGORIES.length === 10);
  assert.throws(() => categorize('fancy' as 'study', { opType: 'Conv' }), /invalid category strategy: fancy/);
});

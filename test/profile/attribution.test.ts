import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeNodes, baseName } from '../../src/profile/attribution';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { tinyNin } from './support';

test('baseName strips onnxruntime suffixes', () => {
  assert.equal(baseName('relu1_nchwc'), 'relu1');
  assert.equal(baseName('conv_token_12'), 'conv');
  assert.equal(baseName('conv1'), 'conv1');
  assert.equal(baseName('_nchwc'), '_nchwc');
});

test('Caffe attribution: layer names and types from the importer, cccp layers, helper nodes of a layer', () => {
  const model = tinyNin();
  const attr = attributeNodes(model);
  assert.deepStrictEqual(attr('cccp1'), { original: ['cccp1'], caffeLayer: 'cccp1', caffeType: 'Convolution' });
  assert.deepStrictEqual(attr('relu0'), { original: ['relu0'], caffeLayer: 'relu0', caffeType: 'ReLU' });
  assert.deepStrictEqual(attr('drop'), { original: ['drop'], caffeLayer: 'drop', caffeType: 'Dropout' });
  assert.deepStrictEqual(attr('nonexistent'), { original: [] });
  // every node the importer wrote is attributed to a layer
  for (const n of model.graph.nodes) assert.ok(attr(n.name).caffeLayer, n.name);
});

test('fused nodes map back to the original nodes they replaced', () => {
  const original = makeModel(makeGraph([
    makeNode('Conv', ['x', 'w'], ['c1'], {}, 'conv1'), makeNode('Relu', ['c1'], ['r1'], {}, 'relu1'),
    makeNode('MaxPool', ['r1'], ['p1'], {}, 'pool1'), makeNode('Dropout', ['p1'], ['d1'], {}, 'drop1'),
    makeNode('Conv', ['d1', 'w2'], ['c2'], {}, 'conv2'), makeNode('Relu', ['c2'], ['r2'], {}, 'relu2'),
  ], [tensorInfo('x', [1, 1, 4, 4])], [tensorInfo('r2')]));
  // 'extended': FusedConv named after the conv, writing the relu's output; Dropout eliminated
  const extended = makeModel(makeGraph([
    makeNode('FusedConv', ['x', 'w'], ['r1'], {}, 'conv1'), makeNode('MaxPool', ['r1'], ['p1'], {}, 'pool1'),
    makeNode('FusedConv', ['p1', 'w2'], ['r2'], {}, 'conv2'),
  ], [tensorInfo('x')], [tensorInfo('r2')]));
  const a = attributeNodes(original, extended);
  assert.deepStrictEqual(a('conv1').original, ['conv1', 'relu1']);
  assert.deepStrictEqual(a('pool1').original, ['pool1']);
  assert.deepStrictEqual(a('conv2').original, ['conv2', 'relu2']);
  // 'all' with NCHWc: named after the activation, outputs renamed
  const nchwc = makeModel(makeGraph([
    makeNode('ReorderInput', ['x'], ['t0'], {}, 'reorder'), makeNode('Conv', ['t0', 'w'], ['t1'], {}, 'relu1_nchwc'),
    makeNode('MaxPool', ['t1'], ['t2'], {}, 'pool1_nchwc'), makeNode('Conv', ['t2', 'w2'], ['t3'], {}, 'relu2_nchwc'),
    makeNode('ReorderOutput', ['t3'], ['r2'], {}, 'reorder_out'),
  ], [tensorInfo('x')], [tensorInfo('r2')]));
  const b = attributeNodes(original, nchwc);
  assert.deepStrictEqual(b('relu1_nchwc').original, ['conv1', 'relu1']);
  assert.deepStrictEqual(b('pool1_nchwc').original, ['pool1']);
  assert.deepStrictEqual(b('relu2_nchwc').original, ['conv2', 'relu2']);
  assert.deepStrictEqual(b('reorder').original, []);
  // ReorderOutput writes r2, but relu2 has a node named after it: no claim
  assert.deepStrictEqual(b('reorder_out').original, []);
});

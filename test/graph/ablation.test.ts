import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ABLATIONS_KEY, applyAblations, describeAblation, parseAblation, type Ablation } from '../../src/graph/ablation';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

const model = makeModel(makeGraph([
  makeNode('Relu', ['x'], ['a'], {}, 'relu1'),
  makeNode('LRN', ['a'], ['b'], { size: 5 }, 'norm1'),
  makeNode('Dropout', ['b'], ['c', 'mask'], {}, 'drop'),
  makeNode('LRN', ['c'], ['d'], { size: 5 }, 'norm2'),
  makeNode('Sigmoid', ['d'], ['y'], {}, 'sig'),
], [tensorInfo('x', [1, 3, 4, 4])], [tensorInfo('y')]));

test('describeAblation and parseAblation are inverse', () => {
  const all: Ablation[] = [{ kind: 'bypass', op: 'LRN' }, { kind: 'bypass', node: 'conv2/norm2' }, { kind: 'identity', node: 'drop 6' }];
  assert.deepEqual(all.map(describeAblation), ['bypass op LRN', 'bypass node conv2/norm2', 'identity node drop 6']);
  assert.deepEqual(all.map(describeAblation).map(parseAblation), all);
  assert.throws(() => parseAblation('remove LRN'), /^UsageError: invalid ablation: "remove LRN" \(expected "bypass op <OpType>"/);
  assert.throws(() => parseAblation('identity op LRN'), /invalid ablation: "identity op LRN"/);
});

test('applyAblations applies in order, records them, and leaves a clean sorted graph', () => {
  const r = applyAblations(model, [{ kind: 'bypass', op: 'LRN' }, { kind: 'identity', node: 'drop' }]);
  assert.deepEqual(r.graph.nodes.map((n) => [n.name, n.opType, n.inputs, n.outputs]), [
    ['relu1', 'Relu', ['x'], ['a']], ['drop', 'Identity', ['a'], ['c']], ['sig', 'Sigmoid', ['c'], ['y']],
  ]);
  assert.equal(r.metadata[ABLATIONS_KEY], 'bypass op LRN; identity node drop');
  const again = applyAblations(r, [{ kind: 'bypass', node: 'sig' }]);
  assert.equal(again.metadata[ABLATIONS_KEY], 'bypass op LRN; identity node drop; bypass node sig');
  assert.deepEqual(again.graph.nodes.map((n) => [n.name, n.outputs]), [['relu1', ['a']], ['drop', ['y']]]);
  assert.deepEqual(model.graph.nodes.length, 5, 'the input model is not modified');
  assert.equal(applyAblations(model, []).metadata, model.metadata);
});

test('applyAblations passes surgery errors through', () => {
  assert.throws(() => applyAblations(model, [{ kind: 'bypass', op: 'BatchNormalization' }]), /no node of op type "BatchNormalization"/);
  assert.throws(() => applyAblations(model, [{ kind: 'identity', node: 'norm3' }]), /no node named "norm3"; did you mean "norm1", "norm2"/);
});

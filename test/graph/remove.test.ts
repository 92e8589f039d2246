import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removeNodes, removeOpType } from '../../src/graph/remove';
import { makeGraph, makeNode, tensorInfo } from '../builders';

/** x -> relu1 -> norm1 (LRN) -> pool1 -> norm2 (LRN) -> drop (Dropout, mask) -> y */
const g = makeGraph([
  makeNode('Relu', ['x'], ['a'], {}, 'relu1'),
  makeNode('LRN', ['a'], ['b'], { size: 5 }, 'norm1'),
  makeNode('MaxPool', ['b'], ['c'], { kernel_shape: [2, 2] }, 'pool1'),
  makeNode('LRN', ['c'], ['d'], { size: 5 }, 'norm2'),
  makeNode('Dropout', ['d'], ['y', 'mask'], {}, 'drop'),
], [tensorInfo('x', [1, 3, 8, 8])], [tensorInfo('y')]);

test('removeOpType bypasses every node of the type', () => {
  const r = removeOpType(g, 'LRN');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.inputs, n.outputs]), [
    ['relu1', ['x'], ['a']], ['pool1', ['a'], ['c']], ['drop', ['c'], ['y', 'mask']],
  ]);
  const r2 = removeOpType(r, 'Dropout');
  assert.deepEqual(r2.nodes.map((n) => [n.name, n.inputs, n.outputs]), [['relu1', ['x'], ['a']], ['pool1', ['a'], ['y']]]);
  assert.deepEqual(r2.outputs, g.outputs);
});

test('removeOpType errors when no node has the op type, naming those present', () => {
  assert.throws(() => removeOpType(g, 'BatchNormalization'),
    /^GraphError: graph "test": no node of op type "BatchNormalization" \(op types present: Dropout, LRN, MaxPool, Relu\)$/);
  assert.throws(() => removeOpType(g, 'Lrn'), /no node of op type "Lrn"; did you mean "LRN".*\(op types present: Dropout, LRN, MaxPool, Relu\)/);
});

test('removeOpType errors on a node of that type that cannot be bypassed', () => {
  assert.throws(() => removeOpType(g, 'MaxPool'), /node "pool1" \(MaxPool\): cannot bypass — MaxPool may change the shape/);
});

test('removeOpType refuses unnamed nodes', () => {
  const unnamed = { ...g, nodes: g.nodes.map((n) => (n.opType === 'LRN' ? { ...n, name: '' } : n)) };
  assert.throws(() => removeOpType(unnamed, 'LRN'), /2 LRN node\(s\) have no unique name/);
});

test('removeNodes bypasses the named nodes in order', () => {
  const r = removeNodes(g, ['norm2', 'relu1']);
  assert.deepEqual(r.nodes.map((n) => [n.name, n.inputs, n.outputs]), [
    ['norm1', ['x'], ['b']], ['pool1', ['b'], ['c']], ['drop', ['c'], ['y', 'mask']],
  ]);
  assert.equal(removeNodes(g, []), g);
  assert.throws(() => removeNodes(g, ['norm1', 'norm3']), /no node named "norm3"; did you mean "norm2"\?$/, 'norm1 is gone by then');
});

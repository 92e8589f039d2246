import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceWithIdentity } from '../../src/graph/identity';
import { makeGraph, makeNode, tensorInfo } from '../builders';

test('replaceWithIdentity keeps the name and output 0, reads the data input, drops attributes and the mask', () => {
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    makeNode('Dropout', ['a', 'ratio'], ['b', 'mask'], {}, 'drop'),
    makeNode('LRN', ['b'], ['y'], { size: 5 }, 'norm'),
  ], [tensorInfo('x', [4]), tensorInfo('ratio', [])], [tensorInfo('y')]);
  g.valueInfo = [tensorInfo('b'), tensorInfo('mask')];
  const r = replaceWithIdentity(replaceWithIdentity(g, 'drop'), 'norm');
  assert.deepEqual(r, {
    ...g,
    nodes: [g.nodes[0],
      { name: 'drop', opType: 'Identity', domain: '', inputs: ['a'], outputs: ['b'], attributes: {} },
      { name: 'norm', opType: 'Identity', domain: '', inputs: ['b'], outputs: ['y'], attributes: {} }],
    valueInfo: [tensorInfo('b')],
  });
});

test('replaceWithIdentity refuses what bypass refuses', () => {
  const g = makeGraph([makeNode('Reshape', ['x', 's'], ['y'], {}, 'rs')], [tensorInfo('x'), tensorInfo('s')], [tensorInfo('y')]);
  assert.throws(() => replaceWithIdentity(g, 'rs'), /node "rs" \(Reshape\): cannot replace with Identity — Reshape may change the shape/);
  assert.throws(() => replaceWithIdentity(g, 'rz'), /no node named "rz"; did you mean "rs"/);
});

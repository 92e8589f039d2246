import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { consumers, findNode, graphSources, producerIndex, producers } from '../../src/graph/maps';
import { floatTensor, makeGraph, makeNode, tensorInfo } from '../builders';

test('derived maps: producers, consumers (each reader once), sources, lookup', () => {
  const g = makeGraph([
    makeNode('Mul', ['x', 'x'], ['sq'], {}, 'square'),
    makeNode('Add', ['sq', 'B'], ['y'], {}, 'add'),
    makeNode('Relu', ['sq'], ['r'], {}, 'relu'),
  ], [tensorInfo('x', [2])], [tensorInfo('y', [2]), tensorInfo('r', [2])], [floatTensor('B', [2])]);
  assert.deepEqual([...producerIndex(g)], [['sq', 0], ['y', 1], ['r', 2]]);
  assert.equal(producers(g).get('y')?.name, 'add');
  assert.deepEqual(consumers(g).get('x')?.map((n) => n.name), ['square']);
  assert.deepEqual(consumers(g).get('sq')?.map((n) => n.name), ['add', 'relu']);
  assert.deepEqual([...graphSources(g)].sort(), ['B', 'x']);
  assert.equal(findNode(g, 'relu')?.opType, 'Relu');
  assert.equal(findNode(g, 'nope'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from '../../src/graph/cleanup';
import type { Graph } from '../../src/graph/types';
import { floatTensor, makeGraph, makeNode, tensorInfo } from '../builders';

test('cleanup drops dead nodes, initializers and value_info; keeps inputs, outputs and order', () => {
  const g: Graph = {
    ...makeGraph([
      makeNode('Conv', ['x', 'W'], ['a'], {}, 'conv'),
      makeNode('Sigmoid', ['x'], ['dead1'], {}, 'sig'),
      makeNode('Mul', ['dead1', 'K'], ['dead2'], {}, 'mul'),
      makeNode('Relu', ['a'], ['y'], {}, 'relu'),
      makeNode('Dropout', ['y'], ['z', 'mask'], {}, 'drop'),
    ], [tensorInfo('x', [1, 1, 2, 2]), tensorInfo('unused_input', [3])], [tensorInfo('y'), tensorInfo('z')],
    [floatTensor('W', [1, 1, 1, 1]), floatTensor('K', [1]), floatTensor('unused_input', [3])]),
    valueInfo: [tensorInfo('a'), tensorInfo('dead1'), tensorInfo('dead2'), tensorInfo('mask')],
  };
  const r = cleanup(g);
  assert.deepEqual(r, {
    ...g,
    nodes: [g.nodes[0], g.nodes[3], g.nodes[4]],
    initializers: [g.initializers[0], g.initializers[2]],
    valueInfo: [tensorInfo('a'), tensorInfo('mask')],
  });
  assert.equal(r.inputs, g.inputs);
  assert.equal(r.outputs, g.outputs);
  assert.equal(cleanup(r).nodes, r.nodes, 'idempotent, shares the node list when nothing is dropped');
});

test('cleanup counts outer-scope reads of subgraphs as uses', () => {
  const body = makeGraph([makeNode('Add', ['b', 'B'], ['t'], {}, 'add')], [], [tensorInfo('t')], [], 'then');
  const g = makeGraph([
    makeNode('Relu', ['x'], ['b'], {}, 'relu'),
    { ...makeNode('If', ['c'], ['y'], {}, 'if'), attributes: {
      then_branch: { type: 'graph', value: body }, else_branch: { type: 'graph', value: body } } },
  ], [tensorInfo('x'), tensorInfo('c', [], 9)], [tensorInfo('y')], [floatTensor('B', [1]), floatTensor('unused', [1])]);
  const r = cleanup(g);
  assert.deepEqual(r.nodes.map((n) => n.name), ['relu', 'if']);
  assert.deepEqual(r.initializers.map((t) => t.name), ['B']);
});

test('cleanup keeps a graph output that is a graph input, and drops all nodes when none is needed', () => {
  const g = makeGraph([makeNode('Relu', ['x'], ['a'], {}, 'relu')], [tensorInfo('x')], [tensorInfo('x')]);
  assert.deepEqual(cleanup(g), { ...g, nodes: [] });
});

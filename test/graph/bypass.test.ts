import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bypass } from '../../src/graph/bypass';
import { GraphError } from '../../src/errors';
import type { Graph } from '../../src/graph/types';
import { floatTensor, makeGraph, makeNode, tensorInfo } from '../builders';

const W = floatTensor('W', [4, 4, 1, 1]);

/** x -> relu1 -> a -> norm1 (LRN) -> b -> conv1 -> c -> prob (Softmax) -> y */
function chain(): Graph {
  return makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu1'),
    makeNode('LRN', ['a'], ['b'], { size: 5, alpha: { float: 1e-4 }, beta: 0.75 }, 'norm1'),
    makeNode('Conv', ['b', 'W'], ['c'], { kernel_shape: [1, 1] }, 'conv1'),
    makeNode('Softmax', ['c'], ['y'], {}, 'prob'),
  ], [tensorInfo('x', [1, 4, 8, 8])], [tensorInfo('y', [1, 4, 8, 8])], [W]);
}

test('bypass in a chain: the consumer reads the data input, the node is gone', () => {
  const g = chain();
  g.valueInfo = [tensorInfo('a', [1, 4, 8, 8]), tensorInfo('b', [1, 4, 8, 8])];
  const r = bypass(g, 'norm1');
  assert.deepEqual(r, {
    ...g,
    nodes: [g.nodes[0], { ...g.nodes[2], inputs: ['a', 'W'] }, g.nodes[3]],
    valueInfo: [tensorInfo('a', [1, 4, 8, 8])],
  });
  assert.equal(r.nodes[0], g.nodes[0], 'unchanged nodes are shared');
  assert.equal(r.initializers, g.initializers, 'initializers are shared');
  assert.equal(g.nodes.length, 4, 'the input graph is not modified');
});

test('bypass with branches: every consumer of the output is rewired, including a node reading it twice', () => {
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    makeNode('Dropout', ['a'], ['b'], { ratio: { float: 0.5 } }, 'drop'),
    makeNode('Sigmoid', ['b'], ['c'], {}, 's1'),
    makeNode('Add', ['b', 'b'], ['d'], {}, 'add'),
    makeNode('Add', ['c', 'd'], ['y'], {}, 'sum'),
  ], [tensorInfo('x', [2])], [tensorInfo('y', [2])]);
  const r = bypass(g, 'drop');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.inputs, n.outputs]), [
    ['relu', ['x'], ['a']], ['s1', ['a'], ['c']], ['add', ['a', 'a'], ['d']], ['sum', ['c', 'd'], ['y']],
  ]);
});

test('bypass of a node writing a graph output: the producer of its input writes the output name', () => {
  const g = chain();
  const r = bypass(g, 'prob');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.opType, n.inputs, n.outputs]), [
    ['relu1', 'Relu', ['x'], ['a']], ['norm1', 'LRN', ['a'], ['b']], ['conv1', 'Conv', ['b', 'W'], ['y']],
  ]);
  assert.deepEqual(r.outputs, g.outputs);
});

test('bypass of an output node whose input has other readers: they follow the renamed tensor', () => {
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    makeNode('Sigmoid', ['a'], ['y'], {}, 'sig'),
    makeNode('Neg', ['a'], ['z'], {}, 'neg'),
  ], [tensorInfo('x', [2])], [tensorInfo('y', [2]), tensorInfo('z', [2])]);
  const r = bypass(g, 'sig');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.inputs, n.outputs]), [['relu', ['x'], ['y']], ['neg', ['y'], ['z']]]);
});

test('bypass of an output node reading a graph input: an Identity keeps the output name', () => {
  const g = makeGraph([makeNode('Relu', ['x'], ['y'], {}, 'relu')], [tensorInfo('x', [2])], [tensorInfo('y', [2])]);
  const r = bypass(g, 'relu');
  assert.deepEqual(r.nodes, [{ name: 'relu/bypass', opType: 'Identity', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }]);
  assert.deepEqual(r.inputs, g.inputs);
  assert.deepEqual(r.outputs, g.outputs);
});

test('bypass of an output node reading an initializer, and one reading another graph output: Identity', () => {
  const g = makeGraph([
    makeNode('Relu', ['W'], ['y'], {}, 'r1'),
    makeNode('Relu', ['x'], ['a'], {}, 'r2'),
    makeNode('Tanh', ['a'], ['z'], {}, 't'),
  ], [tensorInfo('x', [2])], [tensorInfo('y', [2]), tensorInfo('a', [2]), tensorInfo('z', [2])], [floatTensor('W', [2])]);
  const r = bypass(bypass(g, 'r1'), 't');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.opType, n.inputs, n.outputs]), [
    ['r1/bypass', 'Identity', ['W'], ['y']], ['r2', 'Relu', ['x'], ['a']], ['t/bypass', 'Identity', ['a'], ['z']],
  ]);
});

test('bypass of Dropout with an unused mask output, BatchNormalization with parameters', () => {
  const g = makeGraph([
    makeNode('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['a'], {}, 'bn'),
    makeNode('Dropout', ['a'], ['y', 'mask'], {}, 'drop'),
  ], [tensorInfo('x', [1, 2])], [tensorInfo('y', [1, 2])],
  ['s', 'b', 'm', 'v'].map((n) => floatTensor(n, [2])));
  const r = bypass(bypass(g, 'drop'), 'bn');
  assert.deepEqual(r.nodes.map((n) => [n.name, n.opType, n.inputs, n.outputs]), [['bn/bypass', 'Identity', ['x'], ['y']]]);
});

test('bypass errors: unknown node with close names', () => {
  assert.throws(() => bypass(chain(), 'norm_1'), (e: unknown) => e instanceof GraphError &&
    /^graph "test": no node named "norm_1"; did you mean "norm1"/.test(e.message));
  assert.throws(() => bypass(chain(), 'zzzzzzzzzz'), /^GraphError: graph "test": no node named "zzzzzzzzzz"$/);
});

test('bypass errors: several data inputs, shape-changing ops, other domains', () => {
  const g = makeGraph([
    makeNode('Concat', ['x', 'x'], ['a'], { axis: 1 }, 'cat'),
    makeNode('Add', ['a', 'a'], ['b'], {}, 'add'),
    makeNode('Flatten', ['b'], ['c'], {}, 'flat'),
    makeNode('MaxPool', ['c'], ['d'], { kernel_shape: [2, 2] }, 'pool'),
    { ...makeNode('Relu', ['d'], ['y'], {}, 'custom'), domain: 'com.example' },
  ], [tensorInfo('x', [1, 2, 4, 4])], [tensorInfo('y')]);
  assert.throws(() => bypass(g, 'cat'), /node "cat" \(Concat\): cannot bypass — Concat combines several data inputs/);
  assert.throws(() => bypass(g, 'add'), /node "add" \(Add\): cannot bypass — Add combines several data inputs/);
  assert.throws(() => bypass(g, 'flat'), /node "flat" \(Flatten\): cannot bypass — Flatten may change the shape or type of its data \(bypassable op types: LRN, Dropout, /);
  assert.throws(() => bypass(g, 'pool'), /node "pool" \(MaxPool\): cannot bypass — MaxPool may change the shape/);
  assert.throws(() => bypass(g, 'custom'), /node "custom" \(Relu\): cannot bypass — op types of domain "com.example"/);
});

test('bypass errors: a used second output (Dropout mask read, or a graph output)', () => {
  const g = makeGraph([
    makeNode('Dropout', ['x'], ['a', 'mask'], {}, 'drop'),
    makeNode('Cast', ['mask'], ['m'], { to: 1 }, 'cast'),
    makeNode('Add', ['a', 'm'], ['y'], {}, 'add'),
  ], [tensorInfo('x', [2])], [tensorInfo('y', [2])]);
  assert.throws(() => bypass(g, 'drop'),
    /node "drop" \(Dropout\): cannot bypass — its output 1 "mask" is used by node "cast" \(Cast\); only output 0 may be used/);
  const g2 = { ...g, nodes: [g.nodes[0]], outputs: [tensorInfo('a'), tensorInfo('mask')] };
  assert.throws(() => bypass(g2, 'drop'), /its output 1 "mask" is used by a graph output/);
});

test('bypass errors: duplicate node names', () => {
  const g = makeGraph([makeNode('Relu', ['x'], ['a'], {}, 'r'), makeNode('Relu', ['a'], ['y'], {}, 'r')],
    [tensorInfo('x')], [tensorInfo('y')]);
  assert.throws(() => bypass(g, 'r'), /2 nodes are named "r" \(at positions 0, 1\)/);
});

test('bypass rewires reads in subgraphs (outer scope) unless a subgraph defines the name itself', () => {
  const thenBranch = makeGraph([makeNode('Neg', ['b'], ['t'], {}, 'neg')], [], [tensorInfo('t')], [], 'then');
  const elseBranch = makeGraph([makeNode('Relu', ['x'], ['b'], {}, 'local'), makeNode('Abs', ['b'], ['e'], {}, 'abs')],
    [], [tensorInfo('e')], [], 'else');
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    makeNode('Sigmoid', ['a'], ['b'], {}, 'sig'),
    { ...makeNode('If', ['cond'], ['y'], {}, 'if'), attributes: {
      then_branch: { type: 'graph', value: thenBranch }, else_branch: { type: 'graph', value: elseBranch } } },
  ], [tensorInfo('x', [2]), tensorInfo('cond', [], 9)], [tensorInfo('y')]);
  const r = bypass(g, 'sig');
  const ifNode = r.nodes[1];
  const then = ifNode.attributes.then_branch, els = ifNode.attributes.else_branch;
  assert.ok(then.type === 'graph' && els.type === 'graph');
  assert.deepEqual(then.value.nodes[0].inputs, ['a']);
  assert.equal(els.value, elseBranch, 'the else branch defines "b" itself: unchanged');
});

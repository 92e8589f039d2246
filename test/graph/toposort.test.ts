import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toposort } from '../../src/graph/toposort';
import { makeGraph, makeNode, tensorInfo } from '../builders';

test('toposort returns a sorted graph unchanged (same object)', () => {
  const g = makeGraph([makeNode('Relu', ['x'], ['a'], {}, 'r'), makeNode('Neg', ['a'], ['y'], {}, 'n')],
    [tensorInfo('x')], [tensorInfo('y')]);
  assert.equal(toposort(g), g);
});

test('toposort is stable: ready nodes keep their relative order', () => {
  const g = makeGraph([
    makeNode('Add', ['b', 'c'], ['y'], {}, 'add'),
    makeNode('Neg', ['a'], ['c'], {}, 'neg'),
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    makeNode('Abs', ['x'], ['b'], {}, 'abs'),
    makeNode('Exp', ['x'], ['e'], {}, 'exp'),
  ], [tensorInfo('x')], [tensorInfo('y'), tensorInfo('e')]);
  assert.deepEqual(toposort(g).nodes.map((n) => n.name), ['relu', 'neg', 'abs', 'add', 'exp']);
});

test('toposort orders by subgraph outer-scope reads too', () => {
  const body = makeGraph([makeNode('Neg', ['a'], ['t'], {}, 'neg')], [], [tensorInfo('t')], [], 'body');
  const g = makeGraph([
    { ...makeNode('If', ['c'], ['y'], {}, 'if'), attributes: { then_branch: { type: 'graph', value: body }, else_branch: { type: 'graph', value: body } } },
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
  ], [tensorInfo('x'), tensorInfo('c')], [tensorInfo('y')]);
  assert.deepEqual(toposort(g).nodes.map((n) => n.name), ['relu', 'if']);
});

test('toposort names the nodes of a cycle', () => {
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'pre'),
    makeNode('Add', ['a', 'c'], ['b'], {}, 'add'),
    makeNode('Neg', ['b'], ['c'], {}, 'neg'),
    makeNode('Abs', ['c'], ['y'], {}, 'post'),
  ], [tensorInfo('x')], [tensorInfo('y')]);
  assert.throws(() => toposort(g),
    /^GraphError: graph "test": cycle through node "add" \(Add\) -> node "neg" \(Neg\) -> back to the first; a graph must be acyclic$/);
});

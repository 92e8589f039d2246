import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValid, validate } from '../../src/graph/validate';
import { floatTensor, makeGraph, makeNode, tensorInfo } from '../builders';

test('validate finds nothing wrong with a well-formed graph', () => {
  const g = makeGraph([makeNode('Conv', ['x', 'W'], ['a'], {}, 'conv'), makeNode('Relu', ['a'], ['y'], {}, 'relu')],
    [tensorInfo('x')], [tensorInfo('y')], [floatTensor('W', [1, 1, 1, 1])]);
  assert.deepEqual(validate(g), []);
  assert.equal(assertValid(g), g);
});

test('validate lists dangling inputs, duplicate producers, missing outputs, duplicate names and cycles', () => {
  const g = makeGraph([
    makeNode('Conv', ['x', 'W2'], ['a'], {}, 'conv_3'),
    makeNode('Relu', ['a'], ['b'], {}, 'relu'),
    makeNode('Neg', ['a'], ['b'], {}, 'relu'),
    makeNode('Constant', [], ['W'], {}, ''),
    makeNode('Add', ['b', 'd'], ['c'], {}, 'add'),
    makeNode('Abs', ['c'], ['d'], {}, 'abs'),
  ], [tensorInfo('x')], [tensorInfo('c'), tensorInfo('nowhere')], [floatTensor('W', [1])]);
  assert.deepEqual(validate(g), [
    { kind: 'duplicate-producer', node: 'relu', tensor: 'b', message: 'tensor "b": written by node "relu" (Neg) but also by node "relu" (Relu); each tensor must have one source' },
    { kind: 'duplicate-producer', node: undefined, tensor: 'W', message: 'tensor "W": written by node #3 (Constant) but also by an initializer; each tensor must have one source' },
    { kind: 'dangling-input', node: 'conv_3', tensor: 'W2', message: 'node "conv_3" (Conv): input "W2" has no producer, initializer or graph input' },
    { kind: 'missing-output', tensor: 'nowhere', message: 'graph output "nowhere": no node, initializer or graph input produces it' },
    { kind: 'duplicate-node-name', node: 'relu', message: 'node name "relu": used by 2 nodes; node names must be unique' },
    { kind: 'cycle', message: 'graph "test": cycle through node "add" (Add) -> node "abs" (Abs) -> back to the first; a graph must be acyclic' },
  ]);
  assert.throws(() => assertValid(g), (e: Error) => e.name === 'GraphError' &&
    e.message.startsWith('graph "test": 6 structural issue(s):\n  - tensor "b": written by') &&
    e.message.includes('\n  - node "conv_3" (Conv): input "W2" has no producer, initializer or graph input\n'));
});

test('validate allows outer-scope names in subgraphs and checks inside them', () => {
  const ok = makeGraph([makeNode('Neg', ['a'], ['t'], {}, 'neg')], [], [tensorInfo('t')], [], 'then');
  const bad = makeGraph([makeNode('Neg', ['ghost'], ['e'], {}, 'neg2')], [], [tensorInfo('e')], [], 'else');
  const g = makeGraph([
    makeNode('Relu', ['x'], ['a'], {}, 'relu'),
    { ...makeNode('If', ['c'], ['y'], {}, 'if'), attributes: { then_branch: { type: 'graph', value: ok }, else_branch: { type: 'graph', value: bad } } },
  ], [tensorInfo('x'), tensorInfo('c')], [tensorInfo('y')]);
  assert.deepEqual(validate(g).map((i) => i.message), [
    'subgraph "else" of node "if" (If): node "neg2" (Neg): input "ghost" has no producer, initializer or graph input',
  ]);
});

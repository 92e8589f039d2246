import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphOuterReads, nodeReads, outerReads, renameReads } from '../../src/graph/scope';
import { closeNames, didYouMean } from '../../src/graph/suggest';
import type { Node } from '../../src/graph/types';
import { makeGraph, makeNode, tensorInfo } from '../builders';

const inner = makeGraph([makeNode('Add', ['i', 'outer2'], ['t'], {}, 'add')], [tensorInfo('i')], [tensorInfo('t')], [], 'inner');
const body = makeGraph([
  makeNode('Neg', ['outer1'], ['u'], {}, 'neg'),
  { ...makeNode('Loop', ['', ''], ['v'], {}, 'loop'), attributes: { body: { type: 'graph', value: inner } } },
], [], [tensorInfo('u'), tensorInfo('outer3')], [], 'body');
const ifNode: Node = { ...makeNode('If', ['c'], ['y'], {}, 'if'), attributes: { then_branch: { type: 'graph', value: body }, else_branch: { type: 'graphs', value: [] } } };

test('outer reads of nested subgraphs: inputs, nested bodies and outputs, minus local names', () => {
  assert.deepEqual([...graphOuterReads(inner)], ['outer2']);
  assert.deepEqual([...outerReads(ifNode)].sort(), ['outer1', 'outer2', 'outer3']);
  assert.deepEqual([...nodeReads(ifNode)].sort(), ['c', 'outer1', 'outer2', 'outer3']);
  assert.deepEqual([...nodeReads(makeNode('Relu', ['x', ''], ['y']))], ['x']);
});

test('renameReads renames in nested subgraphs and shares nodes that do not read the name', () => {
  const r = renameReads(ifNode, 'outer2', 'fresh');
  assert.deepEqual([...outerReads(r)].sort(), ['fresh', 'outer1', 'outer3']);
  const n = makeNode('Relu', ['x'], ['y']);
  assert.equal(renameReads(n, 'z', 'w'), n);
  const r3 = renameReads(ifNode, 'outer3', 'o3');
  assert.ok(r3.attributes.then_branch.type === 'graph');
  assert.deepEqual(r3.attributes.then_branch.value.outputs.map((v) => v.name), ['u', 'o3']);
});

test('closeNames ranks by edit distance, with substrings first', () => {
  assert.deepEqual(closeNames('norm1', ['norm_1', 'conv1', 'pool1', 'fc6']), ['norm_1', 'conv1', 'pool1']);
  assert.deepEqual(closeNames('LRN', ['Conv', 'Relu', 'LRN2']), ['LRN2']);
  assert.equal(didYouMean('xyzzy', ['conv1']), '');
  assert.equal(didYouMean('conv', ['conv1', 'conv2']), '; did you mean "conv1", "conv2"?');
});

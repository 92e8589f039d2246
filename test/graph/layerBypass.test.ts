// Bypassing a layer made of several nodes (Caffe's WITHIN_CHANNEL LRN), and the bypassable units of a model.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { applyAblations, bypassableUnits, bypassGroup, cleanup, describeAblation, layerMembers, toposort, validate } from '../../src/graph';
import type { Graph, Model } from '../../src/graph/types';
import { encodeModel, readModel } from '../../src/onnx';
import { openSession, type HostTensor } from '../../src/runtime';
import { resolveModel, settingsFrom } from '../../src/registry';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { sharedDir } from '../support/paths';

/** x -> Relu(r) -> y -> layer "ln" (ln/sq, ln/add, ln/pow, ln: y / (1 + y^2)^0.5) -> z -> Sigmoid(sig) -> out */
function layered(outputIsLayer = false): Model {
  const z = outputIsLayer ? 'out' : 'z';
  const nodes = [
    makeNode('Relu', ['x'], ['y'], {}, 'r'),
    makeNode('Mul', ['y', 'y'], ['ln/sq'], {}, 'ln/sq'),
    makeNode('Add', ['ln/sq', 'one'], ['ln/add'], {}, 'ln/add'),
    makeNode('Pow', ['ln/add', 'half'], ['ln/pow'], {}, 'ln/pow'),
    makeNode('Div', ['y', 'ln/pow'], [z], {}, 'ln'),
    ...(outputIsLayer ? [] : [makeNode('Sigmoid', ['z'], ['out'], {}, 'sig')]),
  ];
  const g = makeGraph(nodes, [tensorInfo('x', [1, 2, 2, 2])], [tensorInfo('out', [1, 2, 2, 2])], [floatTensor('one', [], () => 1), floatTensor('half', [], () => 0.5)]);
  return makeModel({ ...g, valueInfo: [tensorInfo('y', [1, 2, 2, 2]), tensorInfo(z, [1, 2, 2, 2])] });
}

async function run(model: Model, x: Float32Array, input = 'x'): Promise<Float32Array> {
  const s = await openSession(encodeModel(model));
  try {
    const dims = s.inputs[0].dims!.map((d) => (typeof d === 'number' ? d : 1));
    const out = await s.run({ [input]: { type: 'float32', dims, data: x } as HostTensor });
    return out[s.outputNames[0]].data as Float32Array;
  } finally { await s.release(); }
}

const X = Float32Array.from([-2, -1, 0, 0.5, 1, 2, 3, 4]);
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

test('bypass node "ln" removes the whole layer ln, ln/*: Sigmoid reads Relu\'s output; the model runs and computes sigmoid(relu(x))', async () => {
  const m = layered();
  assert.deepEqual(layerMembers(m.graph, 'ln'), ['ln/sq', 'ln/add', 'ln/pow', 'ln']);
  const v = applyAblations(m, [{ kind: 'bypass', node: 'ln' }]);
  assert.deepEqual(v.graph.nodes.map((n) => `${n.name}:${n.inputs.join(',')}`), ['r:x', 'sig:y']);
  assert.deepEqual(v.graph.initializers, [], 'the layer\'s constants go with cleanup');
  assert.deepEqual(validate(v.graph), []);
  assert.deepEqual(Array.from(await run(v, X)).map((t) => Math.round(t * 1e5) / 1e5), Array.from(X).map((t) => Math.round(sigmoid(Math.max(0, t)) * 1e5) / 1e5));
  assert.notDeepEqual(Array.from(await run(m, X)), Array.from(await run(v, X)));
});

test('a layer writing the graph output: its data input\'s producer writes the output (name kept)', async () => {
  const v = applyAblations(layered(true), [{ kind: 'bypass', node: 'ln' }]);
  assert.deepEqual(v.graph.nodes.map((n) => `${n.name}:${n.inputs.join(',')}->${n.outputs.join(',')}`), ['r:x->out']);
  assert.deepEqual(Array.from(await run(v, X)), Array.from(X).map((t) => Math.max(0, t)));
});

test('bypassGroup refuses groups that are not one shape-keeping layer, naming the layer and the problem', () => {
  const g = layered().graph;
  assert.throws(() => bypassGroup(g, 'bad', ['r', 'sig']), /layer "bad" .*not connected/);
  assert.throws(() => bypassGroup(g, 'ln', ['ln/add', 'ln/pow', 'ln']), /reads 2 data tensors from outside \(ln\/sq, y\)|reads 2 data tensors from outside \(y, ln\/sq\)/);
  assert.throws(() => bypassGroup({ ...g, outputs: [...g.outputs, tensorInfo('ln/sq')] }, 'ln', layerMembers(g, 'ln')), /2 of its outputs are used outside it/);
  const reshaped: Graph = { ...g, valueInfo: [tensorInfo('y', [1, 2, 2, 2]), tensorInfo('z', [1, 8])] };
  assert.throws(() => bypassGroup(reshaped, 'ln', layerMembers(g, 'ln')), /output "z" has shape \[1, 8\], its input "y" \[1, 2, 2, 2\]/);
  const unknown: Graph = { ...g, inputs: [tensorInfo('x')], valueInfo: [] };
  assert.throws(() => bypassGroup(unknown, 'ln', layerMembers(g, 'ln')), /shape of .* is unknown/);
  assert.throws(() => bypassGroup(g, 'ln', ['ln', 'nope']), /not in graph "test": nope/);
});

test('bypassableUnits: single bypassable nodes and whole Caffe layers (metadata caffe:layers), in graph order', () => {
  const m = layered();
  const withMeta: Model = { ...m, metadata: { 'caffe:layers': JSON.stringify([{ name: 'r', type: 'ReLU', nodes: ['r'] }, { name: 'ln', type: 'LRN', nodes: ['ln/sq', 'ln/add', 'ln/pow', 'ln'] }, { name: 'sig', type: 'Sigmoid', nodes: ['sig'] }]) } };
  assert.deepEqual(bypassableUnits(withMeta).map(describeAblation), ['bypass node r', 'bypass node ln', 'bypass node sig']);
  assert.deepEqual(bypassableUnits(m).map(describeAblation), ['bypass node r', 'bypass node sig'], 'without metadata only single nodes are units');
});

test('cifar10_full: bypassing the Caffe layer norm1 (six ONNX nodes) makes conv2 read norm1\'s bottom; equals the model with those nodes removed by hand', { skip: !fs.existsSync(`${sharedDir()}/models/caffe/cifar10_full`) && 'no shared data' }, async () => {
  const settings = settingsFrom({ ...process.env, LAYERLAB_DATA: sharedDir() });
  const m = await readModel((await resolveModel('cifar10_full', settings)).path);
  const norm1 = m.graph.nodes.filter((n) => n.name === 'norm1' || n.name.startsWith('norm1/'));
  assert.equal(norm1.length, 6);
  const bottom = m.graph.nodes.find((n) => n.name === 'norm1/square')!.inputs[0];
  const v = applyAblations(m, [{ kind: 'bypass', node: 'norm1' }]);
  assert.equal(v.graph.nodes.find((n) => n.name === 'conv2')!.inputs[0], bottom);
  assert.ok(!v.graph.nodes.some((n) => n.name === 'norm1' || n.name.startsWith('norm1/')));
  assert.equal(v.metadata['layerlab.ablations'], 'bypass node norm1');
  // independently: drop the six nodes, point conv2 at the bottom
  const top = m.graph.nodes.find((n) => n.name === 'norm1')!.outputs[0];
  const names = new Set(norm1.map((n) => n.name));
  const byHand: Model = { ...m, graph: toposort(cleanup({ ...m.graph, nodes: m.graph.nodes.filter((n) => !names.has(n.name)).map((n) => ({ ...n, inputs: n.inputs.map((i) => (i === top ? bottom : i)) })) })) };
  const x = Float32Array.from({ length: 3 * 32 * 32 }, (_, i) => ((i * 7919) % 255) - 120);
  const [base, ablated, hand] = await Promise.all([run(m, x, m.graph.inputs[0].name), run(v, x, m.graph.inputs[0].name), run(byHand, x, m.graph.inputs[0].name)]);
  assert.deepEqual(Array.from(ablated), Array.from(hand));
  assert.ok(Array.from(base).some((b, i) => Math.abs(b - ablated[i]) > 1e-4), 'the LRN layer changes the output');
  assert.deepEqual(bypassableUnits(m).map(describeAblation), ['bypass node relu1', 'bypass node norm1', 'bypass node relu2', 'bypass node norm2', 'bypass node relu3', 'bypass node prob']);
});

/**
 * Inspection of the shared ONNX models against published figures, and inferred shapes against the
 * shapes onnxruntime actually produces for every node output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { encodeModel, readModel } from '../../src/onnx';
import { openSession } from '../../src/runtime';
import { FLOAT } from '../../src/graph/tensor';
import type { Model } from '../../src/graph/types';
import { inferShapes } from '../../src/graph/shapes';
import { inspectModel } from '../../src/inspect/inspect';
import { sharedFile } from '../support/paths';

const onnxFile = (name: string) => sharedFile('models', 'onnx', `${name}.onnx`);

/** Published figures, and the exact values inference gives (deterministic). */
const CASES = [
  { file: 'light_bvlc_alexnet', params: 60_965_224, macs: 654_560_384, published: { params: 61.0e6, macs: 0.65e9 }, tol: 0.02 },
  { file: 'light_inception_v1', params: 6_998_552, macs: 1_431_556_352, published: { params: 7.0e6, macs: 1.43e9 }, tol: 0.03 },
  { file: 'light_squeezenet', params: 1_235_496, macs: 349_151_936, published: { params: 1.235e6, macs: 0.35e9 }, tol: 0.02 },
  { file: 'squeezenet1.1', params: 1_235_496, macs: 349_151_936, published: { params: 1.235e6, macs: 0.35e9 }, tol: 0.02 },
];

for (const c of CASES) {
  test(`${c.file}: params and MACs match the published figures`, async () => {
    const model = await readModel(onnxFile(c.file));
    const ins = inspectModel(model, { fileBytes: fs.statSync(onnxFile(c.file)).size });
    assert.equal(ins.unknownShapeNodes, 0, JSON.stringify(ins.unknownNodes));
    assert.equal(ins.params, c.params);
    assert.equal(ins.macs, c.macs);
    assert.ok(Math.abs(ins.params / c.published.params - 1) < c.tol, `params ${ins.params} vs published ${c.published.params}`);
    assert.ok(Math.abs(ins.macs / c.published.macs - 1) < c.tol, `MACs ${ins.macs} vs published ${c.published.macs}`);
    assert.equal(ins.nodes.length, model.graph.nodes.length);
    assert.equal(Object.values(ins.opHistogram).reduce((a, b) => a + b, 0), model.graph.nodes.length);
  });
}

test('light_bvlc_alexnet at 227x227: 0.72 G MACs (the figure published for Caffe\'s 227 input)', async () => {
  const model = await readModel(onnxFile('light_bvlc_alexnet'));
  const ins = inspectModel(model, { inputShapes: { data_0: [1, 3, 227, 227] } });
  assert.equal(ins.macs, 724_406_816);
  assert.deepEqual(ins.nodes[16].outputShape, [1, 96, 55, 55]);
  assert.equal(ins.params, 60_965_224);
});

/** The model with every non-constant node's first output made a graph output, so onnxruntime returns it. */
function exposeAll(model: Model): { model: Model; names: string[] } {
  const r = inferShapes(model);
  const declared = new Set(model.graph.outputs.map((o) => o.name));
  const names = r.nodes.filter((n) => !n.constant).map((n) => model.graph.nodes[n.index].outputs[0]).filter((o) => !declared.has(o));
  const outputs = [...model.graph.outputs, ...names.map((name) => ({ name, type: { kind: 'tensor' as const, elemType: FLOAT } }))];
  return { model: { ...model, graph: { ...model.graph, outputs } }, names: [...declared, ...names] };
}

for (const file of ['light_bvlc_alexnet', 'light_inception_v1', 'light_squeezenet', 'squeezenet1.1']) {
  test(`${file}: inferred shapes equal onnxruntime's on every node output`, async () => {
    const model = await readModel(onnxFile(file));
    const r = inferShapes(model);
    const { model: exposed, names } = exposeAll(model);
    const session = await openSession(encodeModel(exposed), { optimizationLevel: 'disabled', intraOpThreads: 1 });
    try {
      const inits = new Set(model.graph.initializers.map((t) => t.name));
      const feeds = Object.fromEntries(model.graph.inputs.filter((v) => !inits.has(v.name)).map((v) => {
        const dims = r.shapes.get(v.name) as number[];
        return [v.name, { type: 'float32' as const, dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.5) }];
      }));
      const out = await session.run(feeds);
      assert.ok(names.length > 20, `${names.length} outputs compared`);
      for (const name of names) assert.deepEqual(out[name].dims, r.shapes.get(name), `tensor "${name}"`);
    } finally {
      await session.release();
    }
  });
}

/**
 * Every imported network's per-layer output shapes equal Caffe's own (caffe-shapes/*.tsv, batch 1),
 * as onnxruntime computes them running the model with every layer's top exposed, as the importer's own
 * value_info declares them, and as inferShapes (src/graph/shapes) computes them independently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importCaffeFiles } from '../../src/caffe';
import { inferShapes } from '../../src/graph/shapes';
import type { Model } from '../../src/graph/types';
import { caffeFile, caffeShapes, layerRecords, runModel, withOutputs } from './support';

const NETS: Record<string, string[]> = {
  bvlc_alexnet: ['bvlc_alexnet.prototxt'],
  bvlc_googlenet: ['bvlc_googlenet.prototxt'],
  nin_imagenet: ['nin_imagenet.prototxt'],
  cifar10_full: ['cifar10_full', 'cifar10_full.prototxt'],
};

function declared(model: Model): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const v of [...model.graph.inputs, ...model.graph.valueInfo, ...model.graph.outputs]) {
    if (v.type.kind === 'tensor' && v.type.shape) m.set(v.name, v.type.shape as number[]);
  }
  return m;
}

for (const [net, file] of Object.entries(NETS)) {
  test(`${net}: per-layer shapes equal Caffe's (onnxruntime, value_info, inferShapes)`, async () => {
    const model = await importCaffeFiles(caffeFile(...file), { batch: 1 });
    const expected = caffeShapes(net);
    const records = layerRecords(model);
    const tops = records.flatMap((r) => r.tops);
    const input = model.graph.inputs[0];
    const dims = (input.type.kind === 'tensor' ? input.type.shape : []) as number[];
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1)).map((_, i) => Math.sin(i));
    const out = await runModel(withOutputs(model, tops), { [input.name]: { type: 'float32', dims, data } });
    const decl = declared(model);
    // inferShapes on a copy without the importer's declared shapes, so it works from the input alone
    const bare: Model = { ...model, graph: { ...model.graph, valueInfo: [], outputs: model.graph.outputs.map((o) => ({ name: o.name, type: { kind: 'tensor', elemType: 1 } })) } };
    const inferred = inferShapes(bare).shapes;
    const checked: string[] = [];
    for (const r of records) {
      const want = expected.get(r.name);
      assert.ok(want, `layer "${r.name}" (${r.type}) is not in Caffe's shape list`);
      const tensor = r.tops[0];
      assert.deepEqual(out[tensor].dims, want, `layer "${r.name}" (${r.type}): onnxruntime shape`);
      assert.deepEqual(decl.get(tensor), want, `layer "${r.name}" (${r.type}): declared shape`);
      assert.deepEqual(inferred.get(tensor), want, `layer "${r.name}" (${r.type}): inferShapes`);
      checked.push(r.name);
    }
    assert.deepEqual(checked.sort(), [...expected.keys()].sort(), 'every Caffe layer (but *_split) is checked');
  });
}

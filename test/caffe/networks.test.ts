/**
 * The study's networks: operator counts against the ONNX zoo's conversions (which round pooling down),
 * layer attribution (names and docString), NIN's output, and python3-onnx's checker on every import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importCaffeFiles } from '../../src/caffe';
import type { Model } from '../../src/graph/types';
import { decodeModel, writeModel } from '../../src/onnx';
import { sharedFile } from '../support/paths';
import { checkModelFiles } from '../support/onnxChecker';
import { caffeFile, layerRecords, runModel, withOutputs } from './support';

function histogram(m: Model, skip: string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const n of m.graph.nodes) if (!skip.includes(n.opType)) h[n.opType] = (h[n.opType] ?? 0) + 1;
  return h;
}

const zoo = (f: string): Model => decodeModel(new Uint8Array(fs.readFileSync(sharedFile('models', 'onnx', f))), { source: f });
const SHAPE_OPS = ['Reshape', 'Flatten', 'ConstantOfShape'];

test('operator counts equal the ONNX zoo conversions (AlexNet, GoogLeNet), shape ops aside', async () => {
  const alex = await importCaffeFiles(caffeFile('bvlc_alexnet.prototxt'), { batch: 1 });
  const goog = await importCaffeFiles(caffeFile('bvlc_googlenet.prototxt'), { batch: 1 });
  assert.deepEqual(histogram(alex, SHAPE_OPS), histogram(zoo('light_bvlc_alexnet.onnx'), SHAPE_OPS));
  assert.deepEqual(histogram(goog, SHAPE_OPS), histogram(zoo('light_inception_v1.onnx'), SHAPE_OPS));
  assert.deepEqual(histogram(goog, []), { Conv: 57, Relu: 57, MaxPool: 13, LRN: 2, Concat: 9, AveragePool: 1, Dropout: 1, Flatten: 1, Gemm: 1, Softmax: 1 });
  // one Flatten before the first InnerProduct, where the zoo has a Reshape
  assert.equal(histogram(alex, []).Flatten, 1);
});

test('GoogLeNet pool1 is 56x56 as in Caffe (ceil), 55x55 in the zoo conversion (floor)', async () => {
  const goog = await importCaffeFiles(caffeFile('bvlc_googlenet.prototxt'), { batch: 1 });
  const pool1 = layerRecords(goog).find((r) => r.name === 'pool1/3x3_s2')!;
  const ours = withOutputs({ ...goog, graph: { ...goog.graph, nodes: goog.graph.nodes.slice(0, 3), outputs: [] } }, [pool1.tops[0]]);
  const input = new Float32Array(3 * 224 * 224).fill(0.5);
  const a = await runModel(ours, { data: { type: 'float32', dims: [1, 3, 224, 224], data: input } });
  assert.deepEqual(a[pool1.tops[0]].dims, [1, 64, 56, 56]);
  const z = zoo('light_inception_v1.onnx');
  const zPool = z.graph.nodes.find((n) => n.opType === 'MaxPool')!; // the first MaxPool is pool1
  const zCut = withOutputs({ ...z, graph: { ...z.graph, outputs: [] } }, [zPool.outputs[0]]);
  const b = await runModel(zCut, { data_0: { type: 'float32', dims: [1, 3, 224, 224], data: input } });
  assert.deepEqual(b[zPool.outputs[0]].dims, [1, 64, 55, 55]);
});

test('nodes keep Caffe layer names and types (NIN cccp layers included); NIN gives 1000 class scores', async () => {
  const nin = await importCaffeFiles(caffeFile('nin_imagenet.prototxt'), { batch: 1 });
  const cccp = nin.graph.nodes.filter((n) => n.name.startsWith('cccp'));
  assert.deepEqual(cccp.map((n) => n.name), ['cccp1', 'cccp2', 'cccp3', 'cccp4', 'cccp5', 'cccp6', 'cccp7-1024', 'cccp8-1024']);
  assert.ok(cccp.every((n) => n.opType === 'Conv' && n.docString === 'caffe:Convolution'));
  for (const n of nin.graph.nodes) assert.match(n.docString ?? '', /^caffe:(Convolution|ReLU|Pooling|Dropout)$/, n.name);
  // Caffe's own top shape of the last layer (pool4) is 1x1000x1x1: kept as is
  assert.deepEqual(nin.graph.outputs.map((o) => [o.name, o.type.kind === 'tensor' ? o.type.shape : null]), [['pool4', [1, 1000, 1, 1]]]);
  const out = await runModel(nin, { data: { type: 'float32', dims: [1, 3, 224, 224], data: new Float32Array(3 * 224 * 224).fill(1) } });
  assert.equal(out.pool4.data.length, 1000);
  assert.ok(Array.from(out.pool4.data as Float32Array).every(Number.isFinite));
  const recs = layerRecords(nin);
  assert.deepEqual(recs[0], { name: 'input', type: 'Input', nodes: [], tops: ['data'] });
  assert.deepEqual(recs.find((r) => r.name === 'relu0'), { name: 'relu0', type: 'ReLU', nodes: ['relu0'], tops: ['relu0'] });
});

test('flattenOutputs gives NIN a [1,1000] output (as the registry imports it); the Flatten belongs to pool4', async () => {
  const nin = await importCaffeFiles(caffeFile('nin_imagenet.prototxt'), { batch: 1, flattenOutputs: true });
  assert.deepEqual(nin.graph.outputs.map((o) => [o.name, o.type.kind === 'tensor' ? o.type.shape : null]), [['pool4/flatten', [1, 1000]]]);
  const out = await runModel(nin, { data: { type: 'float32', dims: [1, 3, 224, 224], data: new Float32Array(3 * 224 * 224).fill(1) } });
  assert.deepEqual(out['pool4/flatten'].dims, [1, 1000]);
  assert.deepEqual(layerRecords(nin).find((r) => r.name === 'pool4')?.nodes, ['pool4', 'pool4/flatten']);
  const infos = nin.graph.valueInfo.map((v) => v.name);
  assert.equal(new Set(infos).size, infos.length, 'no duplicate value_info');
  assert.ok(infos.includes('pool4'), 'the Caffe top keeps its value_info');
  // outputs that are already [N, C] are left alone
  const alex = await importCaffeFiles(caffeFile('bvlc_alexnet.prototxt'), { batch: 1, flattenOutputs: true });
  assert.deepEqual(alex.graph.outputs.map((o) => o.name), ['prob']);
});

test('the default batch is the prototxt\'s; metadata records source, seed and format', async () => {
  const alex = await importCaffeFiles(caffeFile('bvlc_alexnet.prototxt'), { seed: 3 });
  const input = alex.graph.inputs[0];
  assert.deepEqual(input.type.kind === 'tensor' ? input.type.shape : null, [10, 3, 227, 227]);
  assert.equal(alex.metadata['caffe:seed'], '3');
  assert.equal(alex.metadata['caffe:format'], 'V2');
  assert.equal(alex.metadata['caffe:source'], caffeFile('bvlc_alexnet.prototxt'));
  assert.deepEqual(alex.opsetImports, [{ domain: '', version: 13 }]);
});

test('every imported network passes python3-onnx\'s checker', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-caffe-'));
  try {
    const files: string[] = [];
    for (const [name, file] of [['alexnet', 'bvlc_alexnet.prototxt'], ['googlenet', 'bvlc_googlenet.prototxt'], ['nin', 'nin_imagenet.prototxt'],
      ['cifar10', path.join('cifar10_full', 'cifar10_full.prototxt')]]) {
      const out = path.join(dir, `${name}.onnx`);
      const weightsPath = name === 'cifar10' ? caffeFile('cifar10_full', 'cifar10_full_iter_70000.caffemodel') : undefined;
      await writeModel(out, await importCaffeFiles(caffeFile(file), { batch: 1, weightsPath }));
      files.push(out);
    }
    for (const r of checkModelFiles(files)) assert.ok(r.ok, `${r.path}: ${r.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

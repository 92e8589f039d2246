/**
 * The trained cifar10_full network (V1 prototxt with upper-case enums and input_dim, V1 caffemodel with
 * legacy blob dims) imported with its weights reproduces Caffe's own forward pass (caffe-forward/) on
 * the same 20 inputs: norm1, norm2 (exposed as extra outputs) and the logits ip1, within 1e-4 relative.
 * An independent forward pass written here from Caffe's formulas checks the layers one by one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { decodeCaffemodel, importCaffe } from '../../src/caffe';
import type { HostTensor } from '../../src/runtime';
import { caffeFile, layerRecords, assertClose, closeness, readF32, runModel, withOutputs } from './support';
import { caffeConv, caffeInnerProduct, caffeLrnWithin, caffePool, caffeRelu, type Nd } from './reference';

const dir = (...p: string[]): string => caffeFile('cifar10_full', ...p);
const N = 20;

async function importAndRun(): Promise<{ out: Record<string, HostTensor>; tensorOf: (layer: string) => string }> {
  const weights = new Uint8Array(fs.readFileSync(dir('cifar10_full_iter_70000.caffemodel')));
  const model = importCaffe(fs.readFileSync(dir('cifar10_full.prototxt'), 'utf8'), { source: 'cifar10_full.prototxt', weights, batch: N });
  assert.equal(model.metadata['caffe:format'], 'V1');
  assert.equal(model.metadata['caffe:seed'], undefined, 'no layer got random weights');
  const recs = layerRecords(model);
  const tensorOf = (layer: string): string => recs.find((r) => r.name === layer)!.tops[0];
  const input = readF32(dir('caffe-forward', 'input.f32'));
  const out = await runModel(withOutputs(model, recs.flatMap((r) => r.tops)), { data: { type: 'float32', dims: [N, 3, 32, 32], data: input } });
  return { out, tensorOf };
}

test('cifar10_full with its caffemodel matches Caffe forward pass (norm1, norm2, ip1 within 1e-4 relative)', async () => {
  const { out, tensorOf } = await importAndRun();
  for (const [layer, dims] of [['norm1', [N, 32, 16, 16]], ['norm2', [N, 32, 8, 8]], ['ip1', [N, 10]], ['prob', [N, 10]]] as const) {
    const got = out[tensorOf(layer)];
    assert.deepEqual(got.dims, dims, `${layer} dims`);
    const ref = readF32(dir('caffe-forward', `${layer}.f32`));
    assertClose(layer, got.data as Float32Array, ref);
    // measured: max |diff| / max |ref| about 3e-7 for every one of them
    assert.ok(closeness(got.data as Float32Array, ref).relToMax < 1e-5, `${layer}: max abs diff relative to max |ref|`);
  }
  // 18 of the 20 images are classified correctly by Caffe; the import agrees on every argmax
  const logits = out[tensorOf('ip1')].data as Float32Array, ref = readF32(dir('caffe-forward', 'ip1.f32'));
  const argmax = (a: Float32Array, i: number): number => { let b = 0; for (let j = 1; j < 10; j++) if (a[i * 10 + j] > a[i * 10 + b]) b = j; return b; };
  for (let i = 0; i < N; i++) assert.equal(argmax(logits, i), argmax(ref, i), `image ${i}`);
});

test('cifar10_full layer by layer equals an independent forward pass from Caffe formulas', async () => {
  const { out, tensorOf } = await importAndRun();
  const w = decodeCaffemodel(new Uint8Array(fs.readFileSync(dir('cifar10_full_iter_70000.caffemodel'))));
  const blob = (layer: string, i: number): Float32Array => w.get(layer)!.blobs[i].data;
  const lrn = { size: 3, alpha: 5e-5, beta: 0.75 };
  let x: Nd = { dims: [N, 3, 32, 32], data: readF32(dir('caffe-forward', 'input.f32')) };
  const steps: [string, (x: Nd) => Nd][] = [
    ['conv1', (v) => caffeConv(v, blob('conv1', 0), blob('conv1', 1), 32, 5, 2, 1)],
    ['pool1', (v) => caffePool(v, 'MAX', 3, 2, 0)],
    ['relu1', caffeRelu],
    ['norm1', (v) => caffeLrnWithin(v, lrn.size, lrn.alpha, lrn.beta)],
    ['conv2', (v) => caffeConv(v, blob('conv2', 0), blob('conv2', 1), 32, 5, 2, 1)],
    ['relu2', caffeRelu],
    ['pool2', (v) => caffePool(v, 'AVE', 3, 2, 0)],
    ['norm2', (v) => caffeLrnWithin(v, lrn.size, lrn.alpha, lrn.beta)],
    ['conv3', (v) => caffeConv(v, blob('conv3', 0), blob('conv3', 1), 64, 5, 2, 1)],
    ['relu3', caffeRelu],
    ['pool3', (v) => caffePool(v, 'AVE', 3, 2, 0)],
    ['ip1', (v) => caffeInnerProduct(v, blob('ip1', 0), blob('ip1', 1), 10)],
  ];
  for (const [layer, f] of steps) {
    const got = out[tensorOf(layer)];
    // each layer is fed the runtime's own input, so errors do not accumulate
    const y = f(x);
    assert.deepEqual(got.dims, y.dims, `${layer} dims`);
    assertClose(layer, got.data as Float32Array, y.data);
    x = { dims: got.dims, data: got.data as Float32Array };
  }
});

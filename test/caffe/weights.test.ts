/**
 * Weights: a .caffemodel built here (V2 shapes and legacy num/channels/height/width dims) round-trips
 * into an ONNX model whose outputs match a hand-computed forward pass; bad input gives clear errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCaffemodel, encodeCaffemodel, importCaffe, SUPPORTED_TYPES, type CaffemodelLayerSpec } from '../../src/caffe';
import { ModelFormatError } from '../../src/errors';
import { tensorValues } from '../../src/graph/tensor';
import { seededRandom } from '../../src/util/random';
import { caffeConv, caffeInnerProduct, type Nd } from './reference';
import { assertClose, layerRecords, runModel, withOutputs } from './support';

const NET = `name: "small"
layer { name: "data" type: "Input" top: "data" input_param { shape { dim: 2 dim: 4 dim: 5 dim: 5 } } }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
  convolution_param { num_output: 4 kernel_size: 3 pad: 1 stride: 2 group: 2 } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" relu_param { negative_slope: 0.1 } }
layer { name: "conv2" type: "Convolution" bottom: "conv1" top: "conv2" convolution_param { num_output: 4 kernel_size: 1 bias_term: false } }
layer { name: "bn" type: "BatchNorm" bottom: "conv2" top: "conv2" }
layer { name: "sc" type: "Scale" bottom: "conv2" top: "conv2" scale_param { bias_term: true } }
layer { name: "sum" type: "Eltwise" bottom: "conv2" bottom: "conv1" top: "sum" eltwise_param { operation: SUM coeff: 1 coeff: -0.5 } }
layer { name: "ip" type: "InnerProduct" bottom: "sum" top: "ip" inner_product_param { num_output: 3 } }
layer { name: "prob" type: "Softmax" bottom: "ip" top: "prob" }
`;

const rng = seededRandom(11);
const vals = (n: number, lo = -1, hi = 1): Float32Array => Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
const W = {
  conv1w: vals(4 * 2 * 9), conv1b: vals(4), conv2w: vals(16), mean: vals(4), variance: vals(4, 0.5, 2), factor: new Float32Array([2]),
  scale: vals(4, 0.5, 1.5), shift: vals(4), ipw: vals(3 * 36), ipb: vals(3),
};

function layers(ipShape = [3, 36]): CaffemodelLayerSpec[] {
  return [
    { name: 'loss', type: 'SoftmaxWithLoss', blobs: [] }, // extra layers and any order: matched by name
    { name: 'ip', type: 'InnerProduct', blobs: [{ shape: ipShape, data: W.ipw.slice(0, ipShape[0] * ipShape[1]), legacy: true }, { shape: [3], data: W.ipb, legacy: true }] },
    { name: 'conv1', type: 'Convolution', blobs: [{ shape: [4, 2, 3, 3], data: W.conv1w }, { shape: [4], data: W.conv1b }] },
    { name: 'conv2', type: 'Convolution', blobs: [{ shape: [4, 4, 1, 1], data: W.conv2w, legacy: true }] },
    { name: 'bn', type: 'BatchNorm', blobs: [{ shape: [4], data: W.mean }, { shape: [4], data: W.variance }, { shape: [1], data: W.factor }] },
    { name: 'sc', type: 'Scale', blobs: [{ shape: [4], data: W.scale }, { shape: [4], data: W.shift }] },
  ];
}

function forward(x: Nd): { ip: Float32Array; prob: Float32Array } {
  const c1 = caffeConv(x, W.conv1w, W.conv1b, 4, 3, 1, 2, 2);
  const r1 = c1.data.map((v) => (v > 0 ? v : 0.1 * v));
  const c2 = caffeConv({ dims: c1.dims, data: r1 }, W.conv2w, undefined, 4, 1, 0, 1);
  const hw = 9;
  const sum = c2.data.map((v, i) => {
    const c = Math.floor(i / hw) % 4;
    const bn = (v - W.mean[c] / 2) / Math.sqrt(W.variance[c] / 2 + 1e-5);
    return (bn * W.scale[c] + W.shift[c]) - 0.5 * r1[i];
  });
  const ip = caffeInnerProduct({ dims: [2, 4, 3, 3], data: sum }, W.ipw, W.ipb, 3).data;
  const prob = new Float32Array(6);
  for (let b = 0; b < 2; b++) {
    const row = ip.slice(b * 3, b * 3 + 3), m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m)), z = e.reduce((a, c) => a + c, 0);
    e.forEach((v, j) => { prob[b * 3 + j] = v / z; });
  }
  return { ip, prob };
}

test('a caffemodel built here round-trips: V2 and legacy blob dims, outputs match a hand-computed forward pass', async () => {
  const bytes = encodeCaffemodel(layers());
  const decoded = decodeCaffemodel(bytes);
  assert.deepEqual(decoded.get('ip')!.blobs.map((b) => [b.shape, b.legacy]), [[[1, 1, 3, 36], true], [[1, 1, 1, 3], true]]);
  assert.deepEqual(decoded.get('conv1')!.blobs[0].shape, [4, 2, 3, 3]);
  const model = importCaffe(NET, { weights: bytes, source: 'small.prototxt' });
  assert.equal(model.metadata['caffe:weights'], 'caffemodel');
  assert.equal(model.metadata['caffe:seed'], undefined);
  const ipw = model.graph.initializers.find((t) => t.name === 'ip/weight')!;
  assert.deepEqual(ipw.dims, [3, 36]);
  assert.deepEqual(Array.from(tensorValues(ipw) as Float32Array), Array.from(W.ipw));
  const recs = layerRecords(model);
  const x: Nd = { dims: [2, 4, 5, 5], data: vals(200, -2, 2) };
  const ipTensor = recs.find((r) => r.name === 'ip')!.tops[0];
  const out = await runModel(withOutputs(model, [ipTensor]), { data: { type: 'float32', dims: x.dims, data: x.data } });
  const ref = forward(x);
  assertClose('ip', out[ipTensor].data as Float32Array, ref.ip, 1e-5);
  assertClose('prob', out.prob.data as Float32Array, ref.prob, 1e-5);
  // in-place layers were renamed: ONNX assigns each tensor once
  assert.deepEqual(recs.filter((r) => ['conv1', 'relu1', 'conv2', 'bn', 'sc'].includes(r.name)).map((r) => r.tops[0]),
    ['conv1', 'relu1', 'conv2', 'bn', 'sc']);
  const outputsSeen = new Set<string>();
  for (const n of model.graph.nodes) for (const o of n.outputs) { assert.ok(!outputsSeen.has(o), `tensor ${o} assigned twice`); outputsSeen.add(o); }
});

test('layers missing from the caffemodel get seeded random weights, recorded in metadata', () => {
  const bytes = encodeCaffemodel(layers().filter((l) => l.name !== 'conv2'));
  const m = importCaffe(NET, { weights: bytes, seed: 5 });
  assert.equal(m.metadata['caffe:random_layers'], 'conv2');
  assert.equal(m.metadata['caffe:seed'], '5');
  const a = importCaffe(NET, { seed: 5 }), b = importCaffe(NET, { seed: 5 }), c = importCaffe(NET, { seed: 6 });
  const w = (mm: typeof a): number[] => Array.from(tensorValues(mm.graph.initializers.find((t) => t.name === 'conv1/weight')!) as Float32Array);
  assert.deepEqual(w(a), w(b));
  assert.notDeepEqual(w(a), w(c));
  assert.equal(a.metadata['caffe:weights'], 'random');
  assert.equal(a.metadata['caffe:seed'], '5');
  assert.equal(a.metadata['layerlab.randomizeWeights.seed'], '5', 'random weights come from randomizeWeights');
  assert.ok(w(a).some((v) => v !== 0));
});

test('bad input: unknown layer type, mismatched or missing blobs, not a caffemodel', () => {
  assert.throws(() => importCaffe(NET.replace('type: "Eltwise"', 'type: "Crop"')),
    (e: Error) => e instanceof ModelFormatError && e.message.startsWith('layer "sum": unknown layer type "Crop" — supported: ')
      && e.message.includes(SUPPORTED_TYPES.join(', ')) && SUPPORTED_TYPES.includes('Convolution'));
  assert.throws(() => importCaffe(NET, { weights: encodeCaffemodel(layers([3, 35])) }),
    /^ModelFormatError: layer "ip" \(InnerProduct\): blob #0 \(weights\) in the caffemodel has shape \[1,1,3,35\], expected \[3,36\]/);
  const noBias = layers().map((l) => (l.name === 'conv1' ? { ...l, blobs: l.blobs.slice(0, 1) } : l));
  assert.throws(() => importCaffe(NET, { weights: encodeCaffemodel(noBias) }),
    /layer "conv1" \(Convolution\): the caffemodel has 1 blob\(s\) for this layer, expected blob #1 \(bias\) of shape \[4\]/);
  assert.throws(() => importCaffe(NET, { weights: new Uint8Array([0xff, 0xff, 0xff]), weightsSource: 'bad.caffemodel' }),
    /^ModelFormatError: bad\.caffemodel: not a Caffe NetParameter/);
  assert.throws(() => importCaffe(NET.replace('bottom: "conv2" bottom: "conv1"', 'bottom: "conv2" bottom: "nope"')),
    /layer "sum" \(Eltwise\): bottom "nope" is not produced by an earlier layer or declared as a net input/);
});

test('V1 caffemodel (layers = field 2, enum types) is read by name too', () => {
  const v1 = encodeCaffemodel([{ name: 'conv1', type: 'CONVOLUTION', blobs: [{ shape: [4, 2, 3, 3], data: W.conv1w, legacy: true }] }], { v1: true });
  const d = decodeCaffemodel(v1);
  assert.deepEqual([...d.values()].map((l) => [l.name, l.type, l.blobs[0].shape]), [['conv1', 'CONVOLUTION', [4, 2, 3, 3]]]);
});

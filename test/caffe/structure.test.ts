/**
 * The structural and element-wise layers (Split, Concat, Eltwise PROD/MAX/SUM, Power, AbsVal, Sigmoid,
 * TanH, Dropout, Flatten, Reshape, two-bottom Scale, dilated rectangular convolution), run in
 * onnxruntime against values computed here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importCaffe } from '../../src/caffe';
import { assertClose, layerRecords, runModel, withOutputs } from './support';

const NET = `
input: "data" input_shape { dim: 1 dim: 2 dim: 3 dim: 4 }
input: "s" input_shape { dim: 1 dim: 2 }
layer { name: "split" type: "Split" bottom: "data" top: "a" top: "b" }
layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" top: "cat" concat_param { axis: 1 } }
layer { name: "prod" type: "Eltwise" bottom: "a" bottom: "b" top: "prod" eltwise_param { operation: PROD } }
layer { name: "neg" type: "Power" bottom: "a" top: "neg" power_param { scale: -1 } }
layer { name: "max" type: "Eltwise" bottom: "a" bottom: "neg" top: "max" eltwise_param { operation: MAX } }
layer { name: "abs" type: "AbsVal" bottom: "b" top: "abs" }
layer { name: "sum" type: "Eltwise" bottom: "max" bottom: "abs" top: "sum" }
layer { name: "sig" type: "Sigmoid" bottom: "sum" top: "sig" }
layer { name: "tanh" type: "TanH" bottom: "sig" top: "sig" }
layer { name: "drop" type: "Dropout" bottom: "sig" top: "sig" dropout_param { dropout_ratio: 0.5 } }
layer { name: "flat" type: "Flatten" bottom: "prod" top: "flat" }
layer { name: "resh" type: "Reshape" bottom: "cat" top: "resh" reshape_param { shape { dim: 0 dim: -1 dim: 4 } } }
layer { name: "sc" type: "Scale" bottom: "data" bottom: "s" top: "sc" scale_param { axis: 0 } }
layer { name: "pw" type: "Power" bottom: "sc" top: "pw" power_param { power: 2 scale: 0.5 shift: 1 } }
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
  convolution_param { num_output: 3 kernel_h: 2 kernel_w: 3 pad_h: 1 pad_w: 2 stride_h: 2 stride_w: 1 dilation: 2 } }
`;

test('structural and element-wise layers compute what Caffe computes', async () => {
  const model = importCaffe(NET, { seed: 2 });
  const recs = layerRecords(model);
  assert.deepEqual(recs.find((r) => r.name === 'split'), { name: 'split', type: 'Split', nodes: [], tops: ['data', 'data'] });
  const top = (l: string): string => recs.find((r) => r.name === l)!.tops[0];
  const x = Float32Array.from({ length: 24 }, (_, i) => (i - 11.5) / 4);
  const s = new Float32Array([0.5, -2]);
  const names = ['cat', 'prod', 'max', 'drop', 'flat', 'resh', 'sc', 'pw', 'conv'].map(top);
  const out = await runModel(withOutputs(model, names), {
    data: { type: 'float32', dims: [1, 2, 3, 4], data: x }, s: { type: 'float32', dims: [1, 2], data: s } });
  const get = (l: string): { dims: number[]; data: Float32Array } => out[top(l)] as { dims: number[]; data: Float32Array };
  assert.deepEqual(get('cat').dims, [1, 4, 3, 4]);
  assertClose('cat', get('cat').data, [...x, ...x]);
  assertClose('prod', get('prod').data, x.map((v) => v * v));
  assertClose('max', get('max').data, x.map(Math.abs));
  assertClose('sigmoid, then tanh and dropout in place', get('drop').data, x.map((v) => Math.tanh(1 / (1 + Math.exp(-2 * Math.abs(v))))), 1e-6);
  assert.deepEqual(get('flat').dims, [1, 24]);
  assert.deepEqual(get('resh').dims, [1, 12, 4]);
  assertClose('sc', get('sc').data, x.map((v, i) => v * s[Math.floor(i / 12)]));
  assertClose('pw', get('pw').data, x.map((v, i) => (1 + 0.5 * v * s[Math.floor(i / 12)]) ** 2));
  // dilated 2x3 kernel (effective 3x5), pads 1/2, strides 2/1: out h = (3+2-3)/2+1 = 2, w = (4+4-5)/1+1 = 4
  assert.deepEqual(get('conv').dims, [1, 3, 2, 4]);
  const conv = model.graph.nodes.find((n) => n.name === 'conv')!;
  assert.deepEqual(conv.attributes.pads, { type: 'ints', value: [1, 2, 1, 2] });
  assert.deepEqual(conv.attributes.dilations, { type: 'ints', value: [2, 2] });
  assert.deepEqual(model.graph.outputs.map((o) => o.name).sort(), ['conv', 'flat', 'pw', 'resh', 'drop'].map(top).sort());
});

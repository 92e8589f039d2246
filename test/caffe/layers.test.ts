/**
 * Caffe's pooling rule and LRN, checked numerically: small nets imported from prototxt text run in
 * onnxruntime and are compared with the independent implementation in ./reference.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caffePoolOutputSize, importCaffe } from '../../src/caffe';
import type { Model } from '../../src/graph/types';
import { seededRandom } from '../../src/util/random';
import { caffeLrnAcross, caffeLrnWithin, caffePool, refPooledSize, type Nd } from './reference';
import { assertClose, runModel } from './support';

function net(shape: number[], layer: string): string {
  return `input: "data" input_shape { ${shape.map((d) => `dim: ${d}`).join(' ')} }\n${layer}`;
}

function randomInput(dims: number[], seed: number, scale = 3): Nd {
  const rng = seededRandom(seed);
  return { dims, data: Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (rng.uniform() * 2 - 1) * scale) };
}

async function run(model: Model, x: Nd): Promise<Nd> {
  const out = await runModel(model, { data: { type: 'float32', dims: x.dims, data: x.data } });
  const y = out[model.graph.outputs[0].name];
  return { dims: y.dims, data: y.data as Float32Array };
}

test('Caffe pooled size: ceil, then drop a window starting in the padding (cases where rules differ)', () => {
  const floorRule = (h: number, k: number, p: number, s: number): number => Math.floor((h + 2 * p - k) / s) + 1;
  const ceilOnly = (h: number, k: number, p: number, s: number): number => Math.ceil((h + 2 * p - k) / s) + 1;
  // [h, k, pad, stride, Caffe's size]
  const cases: [number, number, number, number, number][] = [
    [112, 3, 0, 2, 56], // GoogLeNet pool1: floor gives 55
    [16, 3, 0, 2, 8], // cifar10 pool2: floor gives 7
    [13, 3, 0, 2, 6], // AlexNet pool5: both give 6
    [6, 2, 1, 4, 2], // ceil alone gives 3: its last window would start in the padding
    [4, 3, 2, 2, 3], // ceil alone gives 4
    [6, 3, 1, 2, 4], // floor gives 3
  ];
  for (const [h, k, p, s, want] of cases) {
    assert.equal(caffePoolOutputSize(h, k, p, s), want, `h=${h} k=${k} p=${p} s=${s}`);
    assert.equal(refPooledSize(h, k, p, s), want);
  }
  assert.equal(floorRule(112, 3, 0, 2), 55);
  assert.equal(ceilOnly(6, 2, 1, 4), 3);
  assert.equal(ceilOnly(4, 3, 2, 2), 4);
  assert.equal(caffePoolOutputSize(112, 3, 0, 2, 'FLOOR'), 55);
});

test('pooling MAX and AVE equal Caffe formulas, including padded AVE windows overhanging the padding', async () => {
  // [method, h, w, k, pad, stride, ONNX ops expected]
  const cases: ['MAX' | 'AVE', number, number, number, number, number, string[]][] = [
    ['MAX', 8, 8, 3, 0, 2, ['MaxPool']],
    ['MAX', 6, 6, 2, 1, 4, ['MaxPool']],
    ['MAX', 7, 6, 3, 1, 2, ['MaxPool']],
    ['MAX', 4, 4, 3, 2, 2, ['MaxPool']],
    ['AVE', 8, 8, 3, 0, 2, ['AveragePool']], // the cifar10 case: divisor counts only real cells
    ['AVE', 5, 5, 3, 1, 2, ['AveragePool']], // padded, no window beyond H + pad
    ['AVE', 6, 6, 3, 1, 2, ['Pad', 'AveragePool']], // last window reaches beyond H + pad
    ['AVE', 7, 6, 3, 1, 2, ['Pad', 'AveragePool']],
    ['AVE', 4, 4, 3, 2, 2, ['AveragePool']],
  ];
  for (const [method, h, w, k, p, s, ops] of cases) {
    const text = net([2, 3, h, w], `layer { name: "pool" type: "Pooling" bottom: "data" top: "pool"
      pooling_param { pool: ${method} kernel_size: ${k} pad: ${p} stride: ${s} } }`);
    const model = importCaffe(text);
    assert.deepEqual(model.graph.nodes.map((n) => n.opType), ops, `${method} ${h}x${w} k${k} p${p} s${s}`);
    const x = randomInput([2, 3, h, w], h * 100 + k * 10 + p);
    const y = await run(model, x);
    const ref = caffePool(x, method, k, s, p);
    assert.deepEqual(y.dims, ref.dims, `${method} ${h}x${w} k${k} p${p} s${s}: dims`);
    assertClose(`${method} ${h}x${w} k${k} p${p} s${s}`, y.data, ref.data, 1e-5);
  }
});

test('global pooling and _h/_w parameters', async () => {
  const g = importCaffe(net([1, 2, 5, 4], 'layer { name: "g" type: "Pooling" bottom: "data" top: "g" pooling_param { pool: AVE global_pooling: true } }'));
  const x = randomInput([1, 2, 5, 4], 9);
  const y = await run(g, x);
  assert.deepEqual(y.dims, [1, 2, 1, 1]);
  const mean = (c: number): number => x.data.slice(c * 20, c * 20 + 20).reduce((a, b) => a + b, 0) / 20;
  assertClose('global AVE', y.data, [mean(0), mean(1)], 1e-5);
  const hw = importCaffe(net([1, 1, 9, 7], `layer { name: "p" type: "Pooling" bottom: "data" top: "p"
    pooling_param { pool: MAX kernel_h: 3 kernel_w: 2 stride_h: 2 stride_w: 3 pad_h: 1 pad_w: 0 } }`));
  assert.deepEqual((await run(hw, randomInput([1, 1, 9, 7], 3))).dims, [1, 1, 5, 3]);
});

test('LRN WITHIN_CHANNEL (elementary ops, divisor size^2) and ACROSS_CHANNELS equal Caffe formulas', async () => {
  for (const size of [3, 5]) {
    const text = net([2, 3, 7, 6], `layer { name: "norm" type: "LRN" bottom: "data" top: "norm"
      lrn_param { norm_region: WITHIN_CHANNEL local_size: ${size} alpha: 0.8 beta: 0.75 k: 7 } }`);
    const model = importCaffe(text);
    assert.deepEqual(model.graph.nodes.map((n) => n.name), ['norm/square', 'norm/pool', 'norm/scale', 'norm/shift', 'norm/power', 'norm']);
    assert.ok(model.graph.nodes.every((n) => n.docString === 'caffe:LRN'));
    const x = randomInput([2, 3, 7, 6], size);
    const y = await run(model, x);
    const ref = caffeLrnWithin(x, size, 0.8, 0.75);
    assertClose(`WITHIN_CHANNEL size ${size}`, y.data, ref.data, 1e-5);
    // the divisor matters: size^2 everywhere; dividing by the real cells at the borders would differ
    const half = (size - 1) / 2;
    let worst = 0;
    for (let i = 0; i < 7; i++) for (let j = 0; j < 6; j++) {
      let sum = 0, cells = 0;
      for (let u = i - half; u <= i + half; u++) for (let v = j - half; v <= j + half; v++) {
        if (u >= 0 && u < 7 && v >= 0 && v < 6) { sum += x.data[u * 6 + v] ** 2; cells++; }
      }
      worst = Math.max(worst, Math.abs(y.data[i * 6 + j] - x.data[i * 6 + j] * Math.pow(1 + 0.8 * sum / cells, -0.75)));
    }
    assert.ok(worst > 0.01, `border divisor makes a difference (${worst})`);
  }
  const across = importCaffe(net([1, 7, 3, 3], `layer { name: "n" type: "LRN" bottom: "data" top: "n"
    lrn_param { local_size: 5 alpha: 0.6 beta: 0.75 k: 2 } }`));
  assert.deepEqual(across.graph.nodes.map((n) => n.opType), ['LRN']);
  const x = randomInput([1, 7, 3, 3], 5);
  assertClose('ACROSS_CHANNELS', (await run(across, x)).data, caffeLrnAcross(x, 5, 0.6, 0.75, 2).data, 1e-5);
});

test('convolution and pooling parameters: a lone kernel_h or a wrong number of values is refused, naming the layer', () => {
  const net = (conv: string) => `input: "data" input_shape { dim: 1 dim: 3 dim: 8 dim: 8 }
layer { name: "c1" type: "Convolution" bottom: "data" top: "c1" convolution_param { num_output: 2 ${conv} } }`;
  assert.throws(() => importCaffe(net('kernel_h: 3'), { source: 'k.prototxt' }), /layer "c1" \(Convolution\): kernel_h and kernel_w must be given together \(got only kernel_h\)/);
  assert.throws(() => importCaffe(net('kernel_size: 3 pad: 1 pad: 1 pad: 1'), { source: 'p.prototxt' }), /layer "c1" \(Convolution\): pad has 3 values — expected 1 or one per spatial axis \(2\)/);
  const ok = importCaffe(net('kernel_h: 3 kernel_w: 1 pad: 1 pad: 0'), { source: 'ok.prototxt' });
  const conv = ok.graph.nodes.find((n) => n.name === 'c1')!;
  assert.deepEqual(conv.attributes.kernel_shape.value, [3, 1]);
  assert.deepEqual(conv.attributes.pads.value, [1, 0, 1, 0]);
});

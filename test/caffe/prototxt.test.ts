import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { parsePrototxt, toCaffeNet } from '../../src/caffe';
import { ModelFormatError } from '../../src/errors';
import { caffeFile } from './support';

test('text format: nested messages, repeated fields by schema, comments, strings, enums, booleans, lists', () => {
  const text = [
    'name: "n" # a comment',
    'input: \'data\'',
    'input_shape { dim: 1 dim: 3 dim: [8, 8] }',
    'layer {',
    '  name: "c" "1"  type: "Convolution" bottom: "data" top: "c1"',
    '  convolution_param: { num_output: 4 kernel_size: 3 pad: 1 bias_term: false weight_filler < std: 1e-2 > }',
    '}',
    'layer { name: "p" type: "Pooling" bottom: "c1" top: "p" pooling_param { pool: AVE kernel_size: 2 stride: 2; } },',
    'layer { name: "e\\"x" type: "Power" bottom: "p" top: "p" power_param { shift: -1.5 scale: .5 power: -inf } }',
  ].join('\n');
  const m = parsePrototxt(text, 'n.prototxt');
  assert.equal(m.name, 'n');
  assert.deepEqual(m.input, ['data']);
  assert.deepEqual(m.input_shape, [{ dim: [1, 3, 8, 8] }]);
  const layers = m.layer as Record<string, unknown>[];
  assert.equal(layers.length, 3);
  assert.equal(layers[0].name, 'c1', 'adjacent strings concatenate');
  assert.deepEqual(layers[0].bottom, ['data']);
  assert.deepEqual(layers[0].convolution_param, { num_output: 4, kernel_size: [3], pad: [1], bias_term: false, weight_filler: { std: 0.01 } });
  assert.deepEqual(layers[1].pooling_param, { pool: 'AVE', kernel_size: 2, stride: 2 }, 'pooling kernel_size is singular');
  assert.equal(layers[2].name, 'e"x');
  assert.deepEqual(layers[2].power_param, { shift: -1.5, scale: 0.5, power: -Infinity });
  const net = toCaffeNet(m);
  assert.deepEqual(net.inputs, [{ name: 'data', shape: [1, 3, 8, 8], layer: 'input' }]);
  assert.deepEqual(net.layers.map((l) => [l.name, l.type, l.bottoms, l.tops]), [
    ['c1', 'Convolution', ['data'], ['c1']], ['p', 'Pooling', ['c1'], ['p']], ['e"x', 'Power', ['p'], ['p']]]);
});

test('V1 nets: upper-case type enums, input_dim, TRAIN-only layers dropped', () => {
  const net = toCaffeNet(parsePrototxt(fs.readFileSync(caffeFile('cifar10_full', 'cifar10_full.prototxt'), 'utf8')));
  assert.equal(net.v1, true);
  assert.deepEqual(net.inputs, [{ name: 'data', shape: [1, 3, 32, 32], layer: 'input' }]);
  assert.deepEqual(net.layers.map((l) => l.type), ['Convolution', 'Pooling', 'ReLU', 'LRN', 'Convolution', 'ReLU', 'Pooling', 'LRN',
    'Convolution', 'ReLU', 'Pooling', 'InnerProduct', 'Softmax']);
  const train = toCaffeNet(parsePrototxt('layers { name: "d" type: DATA top: "data" include { phase: TRAIN } }\n'
    + 'input: "data" input_dim: 1 input_dim: 2 input_dim: 3 input_dim: 4\nlayers { name: "r" type: RELU bottom: "data" top: "r" }'));
  assert.deepEqual(train.layers.map((l) => l.name), ['r']);
  assert.deepEqual(train.inputs[0].shape, [1, 2, 3, 4]);
});

test('syntax errors give file, line and column', () => {
  const cases: [string, RegExp][] = [
    ['layer {\n  name: "a"\n  type "ReLU"\n}', /^x\.prototxt:3:8: expected ":" or "\{" after field "type", found ""ReLU""/],
    ['layer {\n  name: "a"\n', /^x\.prototxt:3:1: expected "\}" before end of file/],
    ['name: "a\n"', /^x\.prototxt:1:7: unterminated string/],
    ['layer { name: "a" }\n}', /^x\.prototxt:2:1: expected a field name, found "\}"/],
    ['input_dim: 1 $', /^x\.prototxt:1:14: unexpected character "\$"/],
    ['name: "a" name: "b"', /^x\.prototxt:1:11: field "name" of NetParameter is not repeated but is set more than once/],
  ];
  for (const [text, re] of cases) {
    assert.throws(() => parsePrototxt(text, 'x.prototxt'), (e: Error) => e instanceof ModelFormatError && re.test(e.message), text);
  }
});

test('every published prototxt parses', () => {
  for (const f of ['bvlc_alexnet.prototxt', 'bvlc_googlenet.prototxt', 'nin_imagenet.prototxt']) {
    const net = toCaffeNet(parsePrototxt(fs.readFileSync(caffeFile(f), 'utf8'), f));
    assert.equal(net.inputs.length, 1, f);
    assert.equal(net.inputs[0].name, 'data', f);
  }
});

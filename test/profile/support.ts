/**
 * Tiny models for the profiler tests: a builder network with one node of each study category, and a small
 * Caffe net (NIN-like, with `cccp` 1x1 convolutions and Dropout) imported with seeded weights.
 *
 * @example
 * fs.writeFileSync(file, encodeModel(tinyNet()));
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Model } from '../../src/graph/types';
import { importCaffe } from '../../src/caffe';
import { encodeModel } from '../../src/onnx';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

/** conv -> relu -> pool -> lrn -> flatten -> fc -> softmax, input x [1, 2, 6, 6]. */
export function tinyNet(): Model {
  return makeModel(makeGraph([
    makeNode('Conv', ['x', 'w', 'b'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, 'conv'),
    makeNode('Relu', ['c'], ['r'], {}, 'relu'),
    makeNode('MaxPool', ['r'], ['p'], { kernel_shape: [2, 2], strides: [2, 2] }, 'pool'),
    makeNode('LRN', ['p'], ['n'], { size: 3 }, 'norm'),
    makeNode('Flatten', ['n'], ['f'], {}, 'flatten'),
    makeNode('Gemm', ['f', 'fw', 'fb'], ['g'], { transB: 1 }, 'fc'),
    makeNode('Softmax', ['g'], ['y'], {}, 'prob'),
  ], [tensorInfo('x', [1, 2, 6, 6])], [tensorInfo('y', [1, 5])],
  [floatTensor('w', [4, 2, 3, 3]), floatTensor('b', [4]), floatTensor('fw', [5, 36]), floatTensor('fb', [5])]));
}

/** A NIN-like Caffe net: conv1 (3x3) + relu, cccp1 (1x1) + relu, pool, drop, cccp2, global pool, softmax. */
export const TINY_NIN = `name: "tiny_nin"
input: "data"
input_shape { dim: 1 dim: 3 dim: 8 dim: 8 }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "relu0" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "cccp1" type: "Convolution" bottom: "conv1" top: "cccp1" convolution_param { num_output: 4 kernel_size: 1 } }
layer { name: "relu1" type: "ReLU" bottom: "cccp1" top: "cccp1" }
layer { name: "pool1" type: "Pooling" bottom: "cccp1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "drop" type: "Dropout" bottom: "pool1" top: "pool1" dropout_param { dropout_ratio: 0.5 } }
layer { name: "cccp2" type: "Convolution" bottom: "pool1" top: "cccp2" convolution_param { num_output: 3 kernel_size: 1 } }
layer { name: "pool2" type: "Pooling" bottom: "cccp2" top: "pool2" pooling_param { pool: AVE global_pooling: true } }
layer { name: "prob" type: "Softmax" bottom: "pool2" top: "prob" }
`;

export function tinyNin(): Model {
  return importCaffe(TINY_NIN, { source: 'tiny_nin.prototxt', seed: 3 });
}

const made: string[] = [];
process.on('exit', () => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

/** Write `model` to a fresh temporary folder (removed when the process exits); returns the file path. */
export function writeTemp(model: Model, name = 'model.onnx'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-test-'));
  made.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, encodeModel(model));
  return file;
}

export const fixture = (...parts: string[]): string => path.resolve(__dirname, '../../../test/profile/fixtures', ...parts);

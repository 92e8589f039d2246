import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { DatasetError } from '../../src/errors';
import { readNpy } from '../../src/data/npy';
import { readBlobProto } from '../../src/data/blobproto';
import { sharedFile } from '../support/paths';

function npyBytes(descr: string, shape: number[], payload: Buffer): Buffer {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), payload]);
}

function channelMeans(data: Float32Array, c: number): number[] {
  const plane = data.length / c;
  return Array.from({ length: c }, (_, k) => data.subarray(k * plane, (k + 1) * plane).reduce((a, b) => a + b, 0) / plane);
}

test('readNpy: hand-made float32, big-endian float64 and uint8 arrays', () => {
  const f4 = Buffer.alloc(8); f4.writeFloatLE(1.5, 0); f4.writeFloatLE(-2, 4);
  assert.deepStrictEqual(readNpy(npyBytes('<f4', [2], f4)), { shape: [2], data: Float32Array.from([1.5, -2]) });
  const f8 = Buffer.alloc(16); f8.writeDoubleBE(3.25, 0); f8.writeDoubleBE(7, 8);
  assert.deepStrictEqual(readNpy(npyBytes('>f8', [1, 2], f8)).data, Float32Array.from([3.25, 7]));
  assert.deepStrictEqual(readNpy(npyBytes('|u1', [3], Buffer.from([0, 128, 255]))).data, Float32Array.from([0, 128, 255]));
});

test('readNpy: errors name the file and the problem', () => {
  assert.throws(() => readNpy(Buffer.from('not numpy at all'), 'x.npy'), (e: Error) => e instanceof DatasetError && /x\.npy.*magic/.test(e.message));
  assert.throws(() => readNpy(npyBytes('<f4', [4], Buffer.alloc(8)), 'short.npy'), /short\.npy.*truncated.*needs 16 data bytes, the file has 8/);
  assert.throws(() => readNpy(npyBytes('<c8', [1], Buffer.alloc(8)), 'c.npy'), /unsupported dtype <c8/);
});

test('readNpy: Caffe\'s ImageNet mean image (3x256x256 BGR, float64)', () => {
  const m = readNpy(fs.readFileSync(sharedFile('data/imagenet/mean/ilsvrc_2012_mean.npy')));
  assert.deepStrictEqual(m.shape, [3, 256, 256]);
  const means = channelMeans(m.data, 3);
  [104.007, 116.669, 122.679].forEach((v, i) => assert.ok(Math.abs(means[i] - v) < 0.01, `channel ${i}: ${means[i]}`));
});

test('readBlobProto: the ImageNet mean binaryproto equals the .npy', () => {
  const npy = readNpy(fs.readFileSync(sharedFile('data/imagenet/mean/ilsvrc_2012_mean.npy')));
  const blob = readBlobProto(fs.readFileSync(sharedFile('data/imagenet/mean/imagenet_mean.binaryproto')));
  assert.equal(blob.data.length, npy.data.length);
  assert.deepStrictEqual(blob.shape.slice(-3), [3, 256, 256]);
  let max = 0;
  for (let i = 0; i < npy.data.length; i++) max = Math.max(max, Math.abs(npy.data[i] - blob.data[i]));
  assert.ok(max < 1e-3, `max diff ${max}`);
});

test('readBlobProto: the cifar10 mean (1x3x32x32, B, G, R planes)', () => {
  const m = readBlobProto(fs.readFileSync(sharedFile('models/caffe/cifar10_full/cifar10_mean_bgr.binaryproto')));
  assert.deepStrictEqual(m.shape, [1, 3, 32, 32]);
  const means = channelMeans(m.data, 3);
  [113.86, 122.93, 125.27].forEach((v, i) => assert.ok(Math.abs(means[i] - v) < 0.01, `channel ${i}: ${means[i]}`));
});

test('readBlobProto: legacy dims with unpacked floats, shape mismatch refused', () => {
  // num=1 (field 1), channels=1 (2), height=1 (3), width=2 (4), data (5, wire type 5) twice.
  const f = (v: number) => { const b = Buffer.alloc(4); b.writeFloatLE(v); return b; };
  const bytes = Buffer.concat([Buffer.from([0x08, 1, 0x10, 1, 0x18, 1, 0x20, 2]), Buffer.from([0x2d]), f(0.5), Buffer.from([0x2d]), f(-1)]);
  assert.deepStrictEqual(readBlobProto(bytes), { shape: [1, 1, 1, 2], data: Float32Array.from([0.5, -1]) });
  const bad = Buffer.concat([Buffer.from([0x08, 1, 0x10, 1, 0x18, 1, 0x20, 3]), Buffer.from([0x2d]), f(0.5)]);
  assert.throws(() => readBlobProto(bad, 'bad.binaryproto'), /bad\.binaryproto.*needs 3 values, the blob has 1/);
  assert.throws(() => readBlobProto(Buffer.from([0x0f, 1]), 'w.binaryproto'), /invalid wire type 7/);
});

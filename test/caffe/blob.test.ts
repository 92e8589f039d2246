import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeBlobProto, encodeBlobProto } from '../../src/caffe/blob';
import { ModelFormatError } from '../../src/errors';

const key = (field: number, wire: number) => (field << 3) | wire;

test('BlobProto: shape and legacy dims round-trip with packed float data', () => {
  const a = decodeBlobProto(encodeBlobProto({ shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }));
  assert.deepStrictEqual(a, { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]), legacy: false });
  const b = decodeBlobProto(encodeBlobProto({ shape: [4], data: [0.5, -1, 2, 3], legacy: true }));
  assert.deepStrictEqual(b, { shape: [1, 1, 1, 4], data: Float32Array.from([0.5, -1, 2, 3]), legacy: true });
  const big = Float32Array.from({ length: 300_000 }, (_, i) => i * 0.5);
  assert.deepStrictEqual(decodeBlobProto(encodeBlobProto({ shape: [300, 1000], data: big })).data, big);
});

test('BlobProto: double_data, unpacked values in order, data preferred over double_data', () => {
  const d = new Float64Array([1.5, -2.25]);
  const packedDoubles = Buffer.concat([Buffer.from([key(8, 2), 16]), Buffer.from(d.buffer)]);
  assert.deepStrictEqual(decodeBlobProto(packedDoubles).data, Float32Array.from([1.5, -2.25]));
  const f = (v: number) => { const b = Buffer.alloc(4); b.writeFloatLE(v); return b; };
  const packed = Buffer.concat([Buffer.from([key(5, 2), 8]), f(3), f(4)]);
  const mixed = Buffer.concat([Buffer.from([key(5, 5)]), f(1), Buffer.from([key(5, 5)]), f(2), packed, Buffer.from([key(5, 5)]), f(5)]);
  assert.deepStrictEqual(decodeBlobProto(mixed).data, Float32Array.from([1, 2, 3, 4, 5]));
  assert.deepStrictEqual(decodeBlobProto(Buffer.concat([packedDoubles, packed])).data, Float32Array.from([3, 4]));
});

test('BlobProto: malformed bytes name the source and the problem', () => {
  const good = encodeBlobProto({ shape: [2], data: [1, 2] });
  assert.throws(() => decodeBlobProto(good.subarray(0, good.length - 3), 'w.caffemodel: layer "fc" blob #0'),
    (e: Error) => e instanceof ModelFormatError && /w\.caffemodel: layer "fc" blob #0: not a valid BlobProto — a field of 8 bytes/.test(e.message));
  assert.throws(() => decodeBlobProto(Buffer.from([key(5, 2), 3, 0, 0, 0]), 'x'), /packed float data of 3 bytes/);
  assert.throws(() => decodeBlobProto(encodeBlobProto({ shape: [3], data: [1, 2] }).subarray(0), 'y'), /needs 3 values, the blob has 2/);
});

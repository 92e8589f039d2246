import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resizeRgb, resizedSize } from '../../src/data/resample';

const grey = (values: number[]) => ({ width: values.length, height: 1, data: Uint8Array.from(values.flatMap((v) => [v, v, v])) });
const row = (img: { data: Uint8Array }) => Array.from(img.data.filter((_, i) => i % 3 === 0));

test('resizedSize: shorter side to 256, longer truncated as torchvision', () => {
  assert.deepStrictEqual(resizedSize(500, 375, { kind: 'shorter', size: 256 }), { width: 341, height: 256 });
  assert.deepStrictEqual(resizedSize(375, 500, { kind: 'shorter', size: 256 }), { width: 256, height: 341 });
  assert.deepStrictEqual(resizedSize(227, 227, { kind: 'exact', width: 256, height: 256 }), { width: 256, height: 256 });
  assert.deepStrictEqual(resizedSize(32, 30, { kind: 'none' }), { width: 32, height: 30 });
});

test('resizeRgb: bilinear upscale with pixel centres at +0.5 (Pillow and OpenCV agree)', () => {
  // centres 0.25, 0.75, 1.25, 1.75: 0, 0.25*255, 0.75*255, 255
  assert.deepStrictEqual(row(resizeRgb(grey([0, 255]), 4, 1, 'bilinear')), [0, 64, 191, 255]);
  assert.deepStrictEqual(row(resizeRgb(grey([0, 255]), 4, 1, 'bilinear-opencv')), [0, 64, 191, 255]);
});

test('resizeRgb: shrinking is antialiased for Pillow, not for OpenCV', () => {
  // Pillow: triangle of support 2 at centre 1: weights .75 .75 .25 over pixels 0..2 -> 255*.25/1.75 = 36.4
  assert.deepStrictEqual(row(resizeRgb(grey([0, 0, 255, 255]), 2, 1, 'bilinear')), [36, 219]);
  assert.deepStrictEqual(row(resizeRgb(grey([0, 0, 255, 255]), 2, 1, 'bilinear-opencv')), [0, 255]);
});

test('resizeRgb: vertical pass and channels kept apart', () => {
  const img = { width: 1, height: 2, data: Uint8Array.from([255, 0, 10, 0, 255, 10]) };
  const out = resizeRgb(img, 1, 4, 'bilinear');
  assert.deepStrictEqual(Array.from(out.data), [255, 0, 10, 191, 64, 10, 64, 191, 10, 0, 255, 10]);
  assert.throws(() => resizeRgb(img, 2, 2, 'cubic' as never), /invalid resize kernel: cubic/);
});

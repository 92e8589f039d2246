import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DatasetError } from '../../src/errors';
import { cropOffset, loadPreset, presetNames, checkPreset, type Preset } from '../../src/data/preset';
import { preparePreset, toTensor, readMeanFile } from '../../src/data/preprocess';
import { prepareImage } from '../../src/data/prepare';
import { sharedDir, sharedFile } from '../support/paths';

const dataRoot = sharedDir();
const plain: Preset = {
  name: 'plain', description: '', channels: 'rgb', scale: 1, resize: { kind: 'none' }, crop: { kind: 'none' },
  mean: { kind: 'none' }, sources: {},
};

test('built-in presets: the four registry presets exist and every number has a source', () => {
  for (const name of ['caffe-227', 'caffe-224', 'torchvision', 'cifar10_full']) {
    assert.ok(presetNames().includes(name), name);
    const p = loadPreset(name);
    for (const field of ['channels', 'scale', 'resize', 'crop', 'mean']) assert.ok(p.sources[field], `${name}: source of ${field}`);
    if (p.std) assert.ok(p.sources.std);
  }
  assert.throws(() => loadPreset('caffe-999'), (e: Error) => e instanceof DatasetError && /invalid preprocess preset: caffe-999 \(known: caffe-227/.test(e.message));
});

test('toTensor: torchvision arithmetic, BGR order, centre crop', async () => {
  const tv = await preparePreset({ ...loadPreset('torchvision'), crop: { kind: 'none' } }, { dataRoot });
  const t = toTensor({ width: 1, height: 1, data: Uint8Array.from([255, 0, 51]) }, tv);
  const expect = [(1 - 0.485) / 0.229, (0 - 0.456) / 0.224, (0.2 - 0.406) / 0.225];
  expect.forEach((v, i) => assert.ok(Math.abs(t[i] - v) < 1e-5, `channel ${i}: ${t[i]} vs ${v}`));
  // 3x3 image, pixel (x, y) = [10x+y, 100, 200]; crop the centre 1x1; BGR with channel means.
  const data = new Uint8Array(27);
  for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) data.set([10 * x + y, 100, 200], (y * 3 + x) * 3);
  const bgr = await preparePreset({ ...plain, channels: 'bgr', crop: { kind: 'centre', width: 1, height: 1 }, mean: { kind: 'channels', values: [1, 2, 3] } }, { dataRoot });
  assert.deepStrictEqual(Array.from(toTensor({ width: 3, height: 3, data }, bgr)), [199, 98, 8]);
  assert.throws(() => toTensor({ width: 1, height: 1, data: Uint8Array.from([0, 0, 0]) }, bgr.preset.crop.kind === 'centre'
    ? { ...bgr, preset: { ...bgr.preset, crop: { kind: 'centre', width: 2, height: 2 } } } : bgr), /smaller than the 2x2 crop/);
});

test('caffe-227: the mean image is flipped to nothing (BGR stays BGR) and cropped like the image (offset 14)', async () => {
  const prep = await preparePreset(loadPreset('caffe-227'), { dataRoot });
  const full = readMeanFile(sharedFile('data/imagenet/mean/ilsvrc_2012_mean.npy'));
  assert.deepStrictEqual(prep.meanImage!.shape, [3, 227, 227]);
  for (const [c, y, x] of [[0, 0, 0], [1, 100, 50], [2, 226, 226]]) {
    assert.equal(prep.meanImage!.data[(c * 227 + y) * 227 + x], full.data[(c * 256 + y + 14) * 256 + x + 14]);
  }
  const a = await preparePreset(loadPreset('caffe-227'), { dataRoot });
  const b = await preparePreset(loadPreset('caffe-224'), { dataRoot });
  assert.equal(a.hash, prep.hash, 'hash is stable');
  assert.notEqual(a.hash, b.hash, 'hash depends on the preset');
});

test('cifar10_full preprocessing matches the tensor Caffe was fed (caffe-forward/input.f32)', async () => {
  const dir = sharedFile('models/caffe/cifar10_full/caffe-forward');
  const files = fs.readFileSync(path.join(dir, 'files.txt'), 'utf8').trim().split('\n');
  const buf = fs.readFileSync(path.join(dir, 'input.f32'));
  const ref = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
  assert.equal(ref.length, files.length * 3 * 32 * 32);
  const prep = await preparePreset(loadPreset('cifar10_full'), { dataRoot });
  let max = 0, sum = 0;
  for (let i = 0; i < files.length; i++) {
    const { tensor } = await prepareImage(sharedFile('data/cifar10', files[i]), prep);
    assert.deepStrictEqual(tensor.dims, [3, 32, 32]);
    for (let j = 0; j < 3072; j++) { const d = Math.abs(tensor.data[j] - ref[i * 3072 + j]); max = Math.max(max, d); sum += d; }
  }
  assert.ok(max <= 2, `max abs diff ${max}`);
  assert.ok(sum / ref.length < 0.1, `mean abs diff ${sum / ref.length}`);
});

test('custom preset JSON: loaded, mean image relative to the file, bad fields named', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-preset-'));
  try {
    fs.copyFileSync(sharedFile('models/caffe/cifar10_full/cifar10_mean_bgr.binaryproto'), path.join(tmp, 'mean.binaryproto'));
    const spec = { channels: 'bgr', scale: 1, resize: { kind: 'none' }, crop: { kind: 'centre', width: 28, height: 28 },
      mean: { kind: 'image', file: 'mean.binaryproto', order: 'bgr' }, sources: { mean: 'test' } };
    fs.writeFileSync(path.join(tmp, 'mine.json'), JSON.stringify(spec));
    const p = loadPreset('mine.json', { cwd: tmp });
    assert.equal(p.name, 'mine');
    const prep = await preparePreset(p, { dataRoot: '/nonexistent' });
    assert.deepStrictEqual(prep.meanImage!.shape, [3, 28, 28]);
    assert.throws(() => checkPreset({ ...spec, channels: 'rgba' }, 'x.json'), /preset "x\.json": channels must be "rgb" or "bgr", got "rgba"/);
    assert.throws(() => checkPreset({ ...spec, std: [1, 0, 1] }, 'x.json'), /std must be 3 non-zero numbers/);
    assert.throws(() => checkPreset({ ...spec, resize: { kind: 'shorter' } }, 'x.json'), /resize\.size must be a positive integer/);
    assert.throws(() => loadPreset('missing.json', { cwd: tmp }), /cannot read/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('centre-crop offsets: Caffe rounds down, torchvision rounds half to even (Python round)', () => {
  assert.equal(cropOffset(119, 0), 59);
  assert.equal(cropOffset(119, 0, 'round-half-even'), 60);
  assert.equal(cropOffset(117, 0, 'round-half-even'), 58);
  assert.equal(cropOffset(256, 224, 'round-half-even'), 16);
  // torchvision on a 455x256 resize (a 500x281 photo): left = int(round(231 / 2.0)) = 116
  assert.equal(cropOffset(455, 224, 'round-half-even'), 116);
  assert.equal(cropOffset(455, 224), 115);
  const prep = { preset: { ...loadPreset('torchvision') }, hash: 'x' } as unknown as Parameters<typeof toTensor>[1];
  const width = 227, height = 224; // (227 - 224) / 2 = 1.5 -> 2 (even)
  const data = new Uint8Array(width * height * 3);
  for (let x = 0; x < width; x++) for (let y = 0; y < height; y++) data[(y * width + x) * 3] = x; // red = column
  const t = toTensor({ width, height, data }, prep);
  assert.ok(Math.abs(t[0] - (2 / 255 - 0.485) / 0.229) < 1e-6, `first column is source column 2: ${t[0]}`);
});

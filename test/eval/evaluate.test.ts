import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeModel } from '../../src/onnx';
import { openSession } from '../../src/runtime';
import { loadDataset } from '../../src/data/dataset';
import type { Preset } from '../../src/data/preset';
import { evaluate } from '../../src/eval/evaluate';
import { compareEvaluations } from '../../src/eval/compare';
import { readRecordsJsonl } from '../../src/eval/format';
import { command as evalCommand } from '../../src/cli/commands/eval';
import { colourModel, makeAwkwardImages, makeColourDataset, solidImage } from '../data/fixtures';
import { sharedDir, sharedFile } from '../support/paths';

const unit: Preset = { name: 'unit', description: 'RGB /255', channels: 'rgb', scale: 1 / 255, resize: { kind: 'none' }, crop: { kind: 'none' }, mean: { kind: 'none' }, sources: {} };

test('evaluate: a colour classifier, awkward and broken images, dynamic batches, every kind of model input', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-eval-'));
  try {
    const root = await makeColourDataset(path.join(tmp, 'colours'), 2);
    const awkward = await makeAwkwardImages(path.join(tmp, 'awkward'));
    fs.copyFileSync(awkward.truncated, path.join(root, 'red', 'truncated.JPEG'));
    fs.copyFileSync(awkward.cmyk, path.join(root, 'blue', 'cmyk.JPEG')); // black|white halves: channels tie, top-1 is red: wrong
    fs.writeFileSync(path.join(root, 'green', 'big.jpg'), await solidImage([0, 200, 0], 16, 12));
    const ds = loadDataset(root);
    assert.equal(ds.items.length, 9);
    const model = colourModel();
    const r = await evaluate(model, ds, unit, { cacheDir: path.join(tmp, 'cache') });
    assert.equal(r.n, 8);
    assert.equal(r.skipped.count, 1);
    assert.equal(r.skipped.items[0].file, 'red/truncated.JPEG');
    assert.match(r.skipped.items[0].reason, /cannot decode/);
    assert.equal(r.top1.correct, 7);
    assert.equal(r.top5.correct, 8);
    assert.equal(r.softmaxApplied, 8, 'channel means are not probabilities');
    assert.equal(r.batch, 8);
    const red = r.records.find((x) => x.file === 'red/0.png')!;
    assert.deepStrictEqual(red.top5, [0, 1, 2]);
    assert.ok(Math.abs(red.top5Prob.reduce((a, b) => a + b, 0) - 1) < 1e-6);
    assert.equal(red.pTrue, red.top5Prob[0]);
    assert.deepStrictEqual(r.timing.decoded, 8);
    // Same answers from bytes, a session, batch 2 and the cache.
    const bytes = encodeModel(model);
    const session = await openSession(bytes);
    const fromBytes = await evaluate(bytes, ds, unit, { batchSize: 2 });
    const fromSession = await evaluate(session, ds, unit, { cacheDir: path.join(tmp, 'cache') });
    assert.equal(fromSession.timing.cachedTensors, 8);
    assert.deepStrictEqual(await session.run({ x: { type: 'float32', dims: [1, 3, 1, 1], data: Float32Array.from([1, 0, 0]) } }).then((o) => Array.from(o.scores.data as Float32Array)), [1, 0, 0], 'a session passed in stays open');
    await session.release();
    for (const other of [fromBytes, fromSession]) {
      const p = compareEvaluations(r, other);
      assert.equal(p.n, 8); assert.equal(p.top1Agreement, 1); assert.equal(p.top1.onlyA + p.top1.onlyB, 0);
    }
    assert.equal(fromBytes.batch, 2);
    const limited = await evaluate(model, ds, unit, { limit: 3 });
    assert.equal(limited.n + limited.skipped.count, 3);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('evaluate: a preset that does not fit the model is refused with a hint', async () => {
  const ds = loadDataset(sharedFile('data/cifar10/test'));
  // cifar10_full has no crop: the tensor size is the image's, so a wrong-size image is skipped with the reason.
  const r = await evaluate(sharedFile('models/onnx/squeezenet1.1.onnx'), ds, 'cifar10_full', { dataRoot: sharedDir(), limit: 2 });
  assert.equal(r.n, 0);
  assert.equal(r.skipped.count, 2);
  assert.match(r.skipped.items[0].reason, /tensor 32x32 does not match the model's 224x224 input \(preset "cifar10_full" has no crop\)/);
  await assert.rejects(evaluate(sharedFile('models/onnx/squeezenet1.1.onnx'), ds, 'caffe-227', { dataRoot: sharedDir(), limit: 1 }),
    /input "data" is 224x224, preset "caffe-227" makes 227x227 — choose a preset/);
});

test('squeezenet1.1 on val-1300 (torchvision preset): about 69.8% top-1, 90.1% top-5; the cache gives the same records', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-eval-sq-'));
  try {
    const ds = loadDataset(sharedFile('data/imagenet/val-1300'), { labels: sharedFile('data/imagenet/labels/val.txt') });
    const r = await evaluate(sharedFile('models/onnx/squeezenet1.1.onnx'), ds, 'torchvision', { dataRoot: sharedDir(), cacheDir: tmp });
    assert.equal(r.n, 1300);
    assert.equal(r.skipped.count, 0);
    assert.ok(Math.abs(100 * r.top1.rate - 69.8) <= 1.5, `top-1 ${100 * r.top1.rate}`);
    assert.ok(Math.abs(100 * r.top5.rate - 90.1) <= 1.5, `top-5 ${100 * r.top5.rate}`);
    assert.ok(r.top1.ci95[0] < r.top1.rate && r.top1.rate < r.top1.ci95[1]);
    assert.equal(r.softmaxApplied, 1300, 'squeezenet outputs logits');
    const again = await evaluate(sharedFile('models/onnx/squeezenet1.1.onnx'), ds, 'torchvision', { dataRoot: sharedDir(), cacheDir: tmp, limit: 100 });
    assert.equal(again.timing.cachedTensors, 100);
    assert.deepStrictEqual(again.records, r.records.slice(0, 100));
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('layerlab eval cifar10_full --images cifar10/test --limit 500: registry name, default preset, JSON and records', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-eval-cli-'));
  const out: string[] = [];
  try {
    const io = { out: (t: string) => out.push(t), err: () => undefined, cwd: tmp, env: { LAYERLAB_DATA: sharedDir(), LAYERLAB_CACHE: path.join(tmp, 'cache') } };
    const code = await evalCommand.run(['cifar10_full', '--images', sharedFile('data/cifar10/test'), '--limit', '500', '--json', '--records', 'r.jsonl'], io);
    assert.equal(code, 0);
    const j = JSON.parse(out.join(''));
    assert.equal(j.preset, 'cifar10_full');
    assert.equal(j.n, 500);
    assert.equal(j.skipped.count, 0);
    assert.ok(j.top1.rate > 0.7, `top-1 ${j.top1.rate}`); // the first 500 are airplanes and automobiles
    assert.equal(j.top1.ci95.length, 2);
    assert.equal(j.records, path.join(tmp, 'r.jsonl'));
    const recs = readRecordsJsonl(j.records);
    assert.equal(recs.length, 500);
    assert.equal(recs.filter((x) => x.top5[0] === x.label).length, j.top1.correct);
    await assert.rejects(evalCommand.run(['cifar10_full'], io), /needs --images/);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

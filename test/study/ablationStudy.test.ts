// The resumable ablation study on a tiny model and a generated image set: records, resume after an
// interruption (earlier lines byte-identical), refusal to mix studies, a torn last line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Preset } from '../../src/data/preset';
import type { Model } from '../../src/graph/types';
import { writeModel } from '../../src/onnx';
import type { Settings } from '../../src/registry';
import { ablationStudy, type AblationStudyRequest } from '../../src/study/ablationStudy';
import { formatAblationStudy } from '../../src/study/ablationFormat';
import { lockStudyFile, readStudyFile } from '../../src/study/ablationRecords';
import { UsageError } from '../../src/errors';
import { makeColourDataset } from '../data/fixtures';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

const unit: Preset = { name: 'unit', description: 'RGB /255', channels: 'rgb', scale: 1 / 255, resize: { kind: 'none' }, crop: { kind: 'none' }, mean: { kind: 'none' }, sources: {} };

/** Colour classifier with a sign flip: x -> Relu(relu) -> Neg(neg) -> GlobalAveragePool -> Flatten -> scores. Wrong on every image until `neg` is bypassed. */
function flippedColours(): Model {
  return makeModel(makeGraph([
    makeNode('Relu', ['x'], ['r'], {}, 'relu'), makeNode('Neg', ['r'], ['n'], {}, 'neg'),
    makeNode('GlobalAveragePool', ['n'], ['p'], {}, 'gap'), makeNode('Flatten', ['p'], ['scores'], { axis: 1 }, 'flatten'),
  ], [tensorInfo('x', [1, 3, 8, 8])], [tensorInfo('scores', [1, 3])]), 13);
}

async function fixture(): Promise<{ tmp: string; base: AblationStudyRequest; out: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-ablation-'));
  const images = await makeColourDataset(path.join(tmp, 'colours'), 2, 8);
  for (const c of ['red', 'green', 'blue']) fs.renameSync(path.join(images, c, '1.png'), path.join(images, c, '1x.png')); // keep 8x8 and 9x8
  await writeModel(path.join(tmp, 'flip.onnx'), flippedColours());
  const settings: Settings = { dataRoot: tmp, cacheDir: path.join(tmp, 'cache'), projectRoot: tmp };
  const out = path.join(tmp, 'results', 'study.jsonl');
  return { tmp, out, base: { model: path.join(tmp, 'flip.onnx'), settings, out, images, preset: unit, eachBypassable: true, runs: 3, warmup: 1, optLevel: 'disabled', batchSize: 1 } };
}

test('ablationStudy: one record per variant with timing, time saved, removed share and the paired comparison', async () => {
  const { tmp, base, out } = await fixture();
  try {
    // 9x8 images do not fit the fixed 8x8 input: skipped, recorded as such
    const lines: string[] = [];
    const r = await ablationStudy({ ...base, onProgress: (l) => lines.push(l) });
    assert.deepEqual(r.records.map((x) => x.variant.id), ['baseline', 'bypass node relu', 'bypass node neg']);
    const [b, relu, neg] = r.records;
    assert.equal(b.cost, null);
    assert.equal(b.accuracy!.n, 3);
    assert.equal(b.accuracy!.skipped, 3);
    assert.equal(b.accuracy!.top1.correct, 0, 'the sign flip makes every answer wrong');
    assert.equal(neg.accuracy!.top1.correct, 3);
    assert.deepEqual({ ...neg.accuracy!.paired!.top1, mcnemar: undefined, rateA: undefined, rateB: undefined, delta: undefined }, { bothCorrect: 0, onlyA: 0, onlyB: 3, bothWrong: 0, mcnemar: undefined, rateA: undefined, rateB: undefined, delta: undefined });
    assert.equal(relu.accuracy!.paired!.top1Agreement, 1, 'colours are non-negative: ReLU changes nothing');
    assert.deepEqual(neg.variant.removedNodes, ['neg']);
    assert.deepEqual(neg.variant.ablations, [{ kind: 'bypass', node: 'neg' }]);
    assert.equal(neg.timing.inference.n, 3);
    assert.ok(neg.cost!.saved.ci95[0] <= neg.cost!.saved.ms && neg.cost!.saved.ms <= neg.cost!.saved.ci95[1]);
    assert.deepEqual(neg.cost!.removed.nodes, ['neg']);
    assert.ok(neg.cost!.removed.pct > 0 && neg.cost!.removed.pct < 100);
    assert.equal(neg.config.model.sha256.length, 64);
    assert.equal(neg.config.dataset!.images, 6);
    assert.equal(typeof neg.environment.cpuModel, 'string');
    const perImage = fs.readFileSync(path.join(path.dirname(out), neg.accuracy!.recordsFile), 'utf8').trim().split('\n');
    assert.equal(perImage.length, 3);
    assert.equal(fs.readFileSync(out, 'utf8').trim().split('\n').length, 3);
    assert.equal(lines.length, 3);
    assert.match(formatAblationStudy(r.records), /^variant +median ms[\s\S]*^bypass node neg .* 0 +3 +0\.25 +0$/m);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('ablationStudy resumes after an interruption: one record per variant, earlier records byte-identical', async () => {
  const { tmp, base, out } = await fixture();
  try {
    await assert.rejects(ablationStudy({ ...base, afterVariant: (_r, done) => { if (done === 2) throw new Error('killed after 2 variants'); } }), /killed after 2/);
    const before = fs.readFileSync(out);
    assert.equal(before.toString().trim().split('\n').length, 2);
    const measured: string[] = [];
    const r = await ablationStudy({ ...base, afterVariant: (rec) => { measured.push(rec.variant.id); } });
    assert.deepEqual(r.resumed, ['baseline', 'bypass node relu']);
    assert.deepEqual(measured, ['bypass node neg']);
    const after = fs.readFileSync(out);
    assert.deepEqual(after.subarray(0, before.length), before, 'earlier records untouched');
    const ids = readStudyFile(out).records.map((x) => x.variant.id);
    assert.deepEqual(ids, ['baseline', 'bypass node relu', 'bypass node neg']);
    assert.equal(r.records[2].accuracy!.paired!.top1.onlyB, 3, 'paired against the baseline recorded by the first run');
    // a third run measures nothing
    const again = await ablationStudy({ ...base, afterVariant: () => assert.fail('nothing left to measure') });
    assert.equal(again.resumed.length, 3);
    assert.deepEqual(fs.readFileSync(out), after);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('ablationStudy refuses to mix another configuration into the file unless forceNew; never rewrites it', async () => {
  const { tmp, base, out } = await fixture();
  try {
    await ablationStudy({ ...base, eachBypassable: false, nodes: ['neg'] });
    const before = fs.readFileSync(out);
    await assert.rejects(ablationStudy({ ...base, eachBypassable: false, nodes: ['neg'], runs: 4 }),
      (e: unknown) => e instanceof UsageError && /holds 2 record\(s\) of a different study \(timing\.runs: 3 -> 4\).*--force-new/.test(e.message));
    await assert.rejects(ablationStudy({ ...base, eachBypassable: false, nodes: ['neg'], limit: 2 }), /dataset\.images: 6 -> 2/);
    assert.deepEqual(fs.readFileSync(out), before);
    const r = await ablationStudy({ ...base, eachBypassable: false, nodes: ['neg'], runs: 4, forceNew: true });
    assert.equal(r.resumed.length, 0);
    const all = readStudyFile(out).records;
    assert.equal(all.length, 4);
    assert.equal(new Set(all.map((x) => x.configHash)).size, 2);
    assert.deepEqual(fs.readFileSync(out).subarray(0, before.length), before);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('ablationStudy reports a torn last line, ignores it, keeps it, and appends on a fresh line', async () => {
  const { tmp, base, out } = await fixture();
  try {
    await ablationStudy({ ...base, eachBypassable: false, nodes: ['relu'] });
    fs.appendFileSync(out, '{"format":"layerlab.ablation-study/1","configHash":"ab'); // a crash mid-write
    const before = fs.readFileSync(out);
    const lines: string[] = [];
    const r = await ablationStudy({ ...base, eachBypassable: false, nodes: ['relu', 'neg'], onProgress: (l) => lines.push(l) });
    assert.deepEqual(r.damaged.map((d) => [d.line, d.reason]), [[3, 'the last line is cut short (a write interrupted by a crash?)']]);
    assert.ok(lines.some((l) => /line 3 .*cut short.*ignored, left in place/.test(l)), lines.join('\n'));
    assert.deepEqual(r.resumed, ['baseline', 'bypass node relu']);
    const after = fs.readFileSync(out);
    assert.deepEqual(after.subarray(0, before.length), before, 'the torn bytes stay');
    const f = readStudyFile(out);
    assert.deepEqual(f.records.map((x) => x.variant.id), ['baseline', 'bypass node relu', 'bypass node neg']);
    assert.deepEqual(f.damaged.map((d) => d.line), [3], 'still reported on later reads');
    assert.equal(f.endsTorn, false);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('ablationStudy checks variants before measuring anything: an unknown node fails and writes nothing', async () => {
  const { tmp, base, out } = await fixture();
  try {
    await assert.rejects(ablationStudy({ ...base, eachBypassable: false, nodes: ['nge'] }), /no node named "nge".*neg/);
    assert.equal(fs.existsSync(out), false);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('ablationStudy: a file that is not a study is refused; a file another study holds is refused; a stale lock is taken over', async () => {
  const { tmp, base, out } = await fixture();
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, 'a.jpg 1\nb.jpg 2\n');
    await assert.rejects(ablationStudy(base), (e: Error) => e instanceof UsageError && /holds 2 lines and no ablation-study record: it is not a study file/.test(e.message));
    assert.equal(fs.readFileSync(out, 'utf8'), 'a.jpg 1\nb.jpg 2\n', 'left untouched');
    fs.rmSync(out);
    const release = lockStudyFile(out);
    await assert.rejects(ablationStudy(base), new RegExp(`another study \\(process ${process.pid}\\) is writing it`));
    release();
    fs.writeFileSync(`${out}.lock`, '999999999'); // a process that does not exist
    const r = await ablationStudy(base);
    assert.ok(r.records.length > 1);
    assert.ok(!fs.existsSync(`${out}.lock`), 'the lock is released');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

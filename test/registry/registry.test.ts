import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findEntry, registryEntries, resolveModel, settingsFrom } from '../../src/registry';
import { sharedDir } from '../support/paths';

const settings = (cache: string) => settingsFrom({ LAYERLAB_DATA: sharedDir(), LAYERLAB_CACHE: cache });

test('the registry knows the study\'s networks and the shared ONNX models, with sources and presets', () => {
  const names = registryEntries().map((e) => e.name);
  for (const n of ['alexnet', 'googlenet', 'nin', 'cifar10_full', 'squeezenet1.1', 'light_alexnet', 'light_googlenet', 'bvlcalexnet-12', 'googlenet-12']) assert.ok(names.includes(n), n);
  assert.equal(new Set(names).size, names.length, 'names are unique');
  for (const e of registryEntries()) {
    assert.ok(e.input.shape.length === 4 && e.preprocess, e.name);
    if (e.download) assert.match(e.download.sha256, /^[0-9a-f]{64}$/, e.name);
    if (e.source.kind === 'caffe') assert.ok(fs.existsSync(path.join(sharedDir(), e.source.definition)), `${e.name}: ${e.source.definition}`);
    if (e.source.kind === 'onnx') assert.ok(fs.existsSync(path.join(sharedDir(), e.source.file)), `${e.name}: ${e.source.file}`);
  }
  assert.equal(findEntry('alexnet')?.published?.top1, 57.1);
});

test('the sha256 values in the registry are the ones shared/README.md lists', () => {
  const readme = fs.readFileSync(path.join(sharedDir(), 'README.md'), 'utf8');
  for (const e of registryEntries().filter((x) => x.download)) {
    const line = readme.split("\n").find((l) => l.startsWith(`- \`${e.download!.file}\``));
    assert.ok(line, `${e.download!.file} listed in README`);
    assert.ok(line!.includes(e.download!.sha256) && line!.includes(String(e.download!.bytes)), `${e.name}: ${line}`);
  }
});

test('resolveModel: an existing path wins, registry ONNX files resolve under the data root, errors name the problem', async () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cache-'));
  try {
    const s = settings(cache);
    const sq = await resolveModel('squeezenet1.1', s);
    assert.equal(sq.path, path.join(sharedDir(), 'models/onnx/squeezenet1.1.onnx'));
    assert.equal(sq.origin, 'registry-file');
    const direct = await resolveModel(sq.path, s);
    assert.equal(direct.origin, 'file');
    await assert.rejects(resolveModel('no-such-net', s), /no such file .* and no such registry name \(known: alexnet/);
    await assert.rejects(resolveModel('bvlcalexnet-12', s), /is not downloaded: looked in .*layerlab fetch bvlcalexnet-12/);
    await assert.rejects(resolveModel('squeezenet1.1', settingsFrom({ LAYERLAB_DATA: cache, LAYERLAB_CACHE: cache })), /not found under the data root/);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});

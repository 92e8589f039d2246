import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { SessionError, UsageError } from '../../src/errors';
import { settingsFrom } from '../../src/registry';
import { profileModel } from '../../src/profile/profile';
import { formatProfile } from '../../src/profile/format';
import { INT64 } from '../../src/graph/tensor';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { sharedDir } from '../support/paths';
import { tinyNet, tinyNin, writeTemp } from './support';

const settings = settingsFrom({ LAYERLAB_DATA: sharedDir(), LAYERLAB_CACHE: process.env.LAYERLAB_CACHE });
const quick = { runs: 5, warmup: 1 } as const;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

test('profile of a tiny model end to end at disabled: shape of the result, every original node, pct sums to 100', async () => {
  const file = writeTemp(tinyNet());
  const r = await profileModel(file, settings, { ...quick, optLevel: 'disabled', cold: 2 });
  assert.deepStrictEqual(Object.keys(r).sort(), ['byCategory', 'byNode', 'byType', 'coverage', 'environment', 'inference', 'init', 'memory', 'model', 'nodes', 'options', 'overhead']);
  assert.equal(r.model.path, file);
  assert.equal(r.model.fileBytes, fs.statSync(file).size);
  assert.equal(r.inference.n, 5);
  assert.equal(r.inference.samples.length, 5);
  assert.ok(r.inference.min <= r.inference.median && r.inference.median <= r.inference.p90 && r.inference.ci95[0] <= r.inference.ci95[1]);
  assert.ok(r.init.readMs >= 0 && r.init.sessionMs > 0 && r.init.firstInferenceMs > 0);
  assert.equal(r.init.totalMs, r.init.readMs + r.init.sessionMs);
  assert.equal(r.init.coldStart?.n, 2);
  assert.equal(r.init.coldFirstInference?.n, 2);
  assert.ok(r.memory.peakRssBytes >= r.memory.rssAfterInitBytes && r.memory.rssAfterInitBytes > 0);
  assert.ok(r.memory.arena && r.memory.arena.arenaHeldBytes > 0);
  assert.deepStrictEqual(r.byNode.map((n) => n.node), ['conv', 'relu', 'pool', 'norm', 'flatten', 'fc', 'prob']);
  assert.deepStrictEqual(r.byNode.map((n) => n.category), ['convolution', 'relu', 'pooling', 'normalization', 'other', 'fully connected', 'softmax']);
  assert.ok(r.byNode.every((n) => n.fusedFrom === undefined));
  assert.ok(Math.abs(sum(r.byCategory.map((c) => c.pct)) - 100) < 1e-9);
  assert.ok(Math.abs(sum(r.byType.map((c) => c.pct)) - 100) < 1e-9);
  assert.deepStrictEqual(r.nodes.map((n) => n.node), ['conv', 'relu', 'pool', 'norm', 'flatten', 'fc', 'prob']);
  assert.equal(new Set(r.nodes.map((n) => n.run)).size, 1);
  assert.ok(r.coverage > 0 && r.coverage <= 1.5, `coverage ${r.coverage}`);
  assert.ok(r.overhead > 0.3 && r.overhead < 5, `overhead ${r.overhead}`);
  assert.equal(r.environment.cores, os.cpus().length);
  const text = formatProfile(r);
  assert.match(text, /^profile of model \(/);
  assert.match(text, /by category\n\s+nodes\s+ms\s+share\n/);
  assert.match(text, /top 7 of 7 nodes/);
});

test('at basic every original node of the tiny net appears; at extended Conv+Relu is reported fused', async () => {
  const file = writeTemp(tinyNet());
  const basic = await profileModel(file, settings, { ...quick, optLevel: 'basic' });
  assert.deepStrictEqual(basic.byNode.map((n) => n.node).sort(), ['conv', 'fc', 'flatten', 'norm', 'pool', 'prob', 'relu']);
  const ext = await profileModel(file, settings, { ...quick, optLevel: 'extended' });
  const conv = ext.byNode.find((n) => n.opType === 'FusedConv');
  assert.ok(conv, `nodes: ${ext.byNode.map((n) => `${n.node}:${n.opType}`)}`);
  assert.deepStrictEqual(conv.fusedFrom, ['conv', 'relu']);
  assert.equal(conv.category, 'convolution');
});

test('a Caffe import is reported by Caffe layer, with cccp layers as their own category', async () => {
  const file = writeTemp(tinyNin());
  const r = await profileModel(file, settings, { ...quick, optLevel: 'disabled' });
  const byName = new Map(r.byNode.map((n) => [n.node, n]));
  assert.equal(byName.get('cccp1')?.category, 'cccp');
  assert.equal(byName.get('cccp2')?.caffeType, 'Convolution');
  assert.equal(byName.get('conv1')?.category, 'convolution');
  assert.equal(byName.get('drop')?.category, 'dropout');
  assert.deepStrictEqual(r.byCategory.find((c) => c.type === 'cccp')?.count, 2);
  const ext = await profileModel(file, settings, { ...quick, optLevel: 'extended' });
  const cccp1 = ext.byNode.find((n) => n.fusedFrom?.includes('cccp1'));
  assert.ok(cccp1 && cccp1.category === 'cccp' && cccp1.caffeLayer === 'cccp1' && cccp1.fusedFrom!.includes('relu1'), JSON.stringify(cccp1));
});

test('a dynamic dimension without a shape fails with a message naming --shape; with it the run works', async () => {
  const m = tinyNet();
  const dyn = { ...m, graph: { ...m.graph, inputs: [tensorInfo('x', ['N', 2, 6, 6])] } };
  const file = writeTemp(dyn);
  await assert.rejects(profileModel(file, settings, quick),
    (e: unknown) => e instanceof UsageError && /input "x" has dynamic dimensions \[N, 2, 6, 6\] — give its shape with --shape x=1,2,6,6/.test(e.message));
  const r = await profileModel(file, settings, { ...quick, optLevel: 'disabled', shapes: { x: [2, 2, 6, 6] } });
  assert.deepStrictEqual(r.byNode[0].outputShapes, [[2, 4, 6, 6]]);
  await assert.rejects(profileModel(file, settings, { ...quick, shapes: { y: [1] } }), /--shape y=\.\.\. names no input \(inputs: x\)/);
});

test('bad input: load failure gives path and onnxruntime message; run failure names the node; bad options', async () => {
  const bad = writeTemp(makeModel(makeGraph([makeNode('NoSuchOp', ['x'], ['y'])], [tensorInfo('x', [1])], [tensorInfo('y', [1])])));
  await assert.rejects(profileModel(bad, settings, quick),
    (e: unknown) => e instanceof SessionError && e.message.startsWith(`model "${bad}": onnxruntime cannot load the model — `) && /NoSuchOp/.test(e.message));
  const gather = writeTemp(makeModel(makeGraph([makeNode('Gather', ['d', 'i'], ['y'], {}, 'pick')],
    [tensorInfo('i', [64], INT64)], [tensorInfo('y', [64])], [floatTensor('d', [1])])));
  await assert.rejects(profileModel(gather, settings, quick), (e: unknown) => e instanceof SessionError && /node "pick" failed/.test(e.message));
  await assert.rejects(profileModel(bad, settings, { runs: 0 }), /invalid runs: 0/);
  await assert.rejects(profileModel(bad, settings, { optLevel: 'max' as 'all' }), /invalid optLevel: max/);
});

function freshTmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-tmpdir-'));
}

test('the private temporary folder is removed after success and after a failure inside it', async () => {
  const tmp = freshTmp();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const file = writeTemp(tinyNet());
    assert.equal(path.dirname(path.dirname(file)), tmp);
    await profileModel(file, settings, quick);
    // a failure inside the temporary folder's lifetime: the trace cannot be put where a folder stands
    fs.mkdirSync(path.join(tmp, 'a-folder'));
    await assert.rejects(profileModel(file, settings, { ...quick, trace: path.join(tmp, 'a-folder') }), /EISDIR|ENOTEMPTY|EEXIST/);
    assert.deepStrictEqual(fs.readdirSync(tmp).filter((f) => f.startsWith('layerlab-profile-')), []);
    const out = path.join(tmp, 'trace.json');
    await profileModel(file, settings, { ...quick, trace: out });
    assert.ok(Array.isArray(JSON.parse(fs.readFileSync(out, 'utf8'))));
  } finally {
    process.env.TMPDIR = saved;
    if (saved === undefined) delete process.env.TMPDIR;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`a profiling process killed with ${signal} leaves no temporary folder behind`, async () => {
    const tmp = freshTmp();
    const file = writeTemp(tinyNet());
    const script = `require(${JSON.stringify(path.resolve(__dirname, '../../src/profile/profile.js'))}).profileModel(${JSON.stringify(file)}, ` +
      `{ dataRoot: '/nonexistent', cacheDir: '/nonexistent', projectRoot: '/' }, { runs: 20000, warmup: 0 })`;
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    try {
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      const profileDir = (): string | undefined => fs.readdirSync(tmp).find((f) => f.startsWith('layerlab-profile-'));
      const deadline = Date.now() + 60_000;
      while (!(profileDir() && fs.existsSync(path.join(tmp, profileDir()!, 'optimized.onnx'))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(profileDir(), 'the child never created its temporary folder');
      child.kill(signal);
      assert.equal(await exited, signal);
      assert.equal(profileDir(), undefined);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
}

test('the NIN registry model (one real network, few runs): eight cccp layers in their own category', async () => {
  const r = await profileModel('nin', settings, { runs: 3, warmup: 1, optLevel: 'basic' });
  const cats = new Map(r.byCategory.map((c) => [c.type, c]));
  assert.equal(cats.get('cccp')?.count, 8);
  assert.equal(cats.get('convolution')?.count, 4);
  assert.ok(r.byNode.filter((n) => n.category === 'cccp').every((n) => /^cccp/.test(n.caffeLayer ?? '') && n.caffeType === 'Convolution'));
  assert.ok(Math.abs(r.byCategory.reduce((s, c) => s + c.pct, 0) - 100) < 1e-9);
});

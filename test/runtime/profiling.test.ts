import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeModel } from '../../src/onnx';
import { nativeSession, openSession, randomInputs, timeRun } from '../../src/runtime';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

const model = encodeModel(makeModel(makeGraph([makeNode('Relu', ['x'], ['r'], {}, 'act'), makeNode('Neg', ['r'], ['y'], {}, 'neg')],
  [tensorInfo('x', [1, 8])], [tensorInfo('y', [1, 8])])));

test('profiling sessions write a trace named by prefix at endProfiling; the optimized graph is saved', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-rt-'));
  try {
    const s = await openSession(model, { optimizationLevel: 'basic', profileFilePrefix: path.join(dir, 'p'), optimizedModelFilePath: path.join(dir, 'opt.onnx') });
    const p = s.prepare(randomInputs(s, 1));
    for (let i = 0; i < 3; i++) assert.ok((await timeRun(p)) >= 0);
    s.endProfiling();
    await s.release();
    s.endProfiling(); // no-op after release
    const files = fs.readdirSync(dir).sort();
    assert.equal(files.length, 2);
    assert.equal(files[0], 'opt.onnx');
    assert.match(files[1], /^p_.*\.json$/);
    const events = JSON.parse(fs.readFileSync(path.join(dir, files[1]), 'utf8')) as { cat: string; name: string }[];
    assert.equal(events.filter((e) => e.cat === 'Session' && e.name === 'model_run').length, 3);
    assert.deepStrictEqual([...new Set(events.filter((e) => e.cat === 'Node').map((e) => e.name))], ['act_kernel_time', 'neg_kernel_time']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('prepare runs the same computation as run; nativeSession exposes the bare session', async () => {
  const s = await openSession(model, { logSeverityLevel: 4 });
  try {
    const feeds = { x: { type: 'float32' as const, dims: [1, 8], data: Float32Array.from([-2, -1, 0, 1, 2, 3, -4, 5]) } };
    await s.prepare(feeds).run();
    const { session, Tensor } = nativeSession(s);
    const out = await session.run({ x: new Tensor('float32', feeds.x.data, [1, 8]) });
    assert.deepStrictEqual(Array.from(out.y.data as Float32Array), [-0, -0, -0, -1, -2, -3, -0, -5]);
    s.endProfiling(); // no-op without profiling
  } finally {
    await s.release();
  }
  await assert.rejects(s.prepare({}).run(), /run\(\) after release\(\)/);
  assert.throws(() => nativeSession({ ...s }), /not created by openSession/);
});

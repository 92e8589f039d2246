import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { parseTrace } from '../../src/profile/trace';
import { fixture } from './support';
import { assertGolden } from '../support/golden';

test('a real onnxruntime trace parses into records (golden)', () => {
  const t = parseTrace(JSON.parse(fs.readFileSync(fixture('tiny-trace.json'), 'utf8')), 'tiny-trace.json');
  assert.equal(t.runs.length, 3);
  assert.equal(t.nodes.length, 21);
  assert.deepStrictEqual(t.nodes.filter((n) => n.run === 1).map((n) => n.node), ['conv', 'relu', 'pool', 'norm', 'flatten', 'fc', 'prob']);
  assert.deepStrictEqual(t.nodes.filter((n) => n.run === 2).map((n) => n.opType), ['Conv', 'Relu', 'MaxPool', 'LRN', 'Flatten', 'Gemm', 'Softmax']);
  assert.deepStrictEqual(t.nodes[0].inputShapes, [[1, 2, 6, 6], [4, 2, 3, 3], [4]]);
  assert.deepStrictEqual(t.nodes[0].outputShapes, [[1, 4, 6, 6]]);
  assert.ok(t.nodes.every((n) => n.provider === 'CPUExecutionProvider' && n.ms >= 0));
  assert.ok(t.arena && t.arena.arenaHeldBytes > 0);
  assert.ok(t.loadMs !== undefined && t.initMs !== undefined);
  assertGolden(fixture('tiny-trace.records.json'), t, 6);
});

test('traces without arena figures or runs, and bad input', () => {
  const t = parseTrace([
    { cat: 'Session', name: 'model_run', ts: 100, dur: 50, ph: 'X' },
    { cat: 'Node', name: 'a_kernel_time', ts: 110, dur: 7, ph: 'X', args: { op_name: 'Relu', provider: 'CPUExecutionProvider' } },
    { cat: 'Node', name: 'a_fence_before', ts: 109, dur: 0, ph: 'X', args: {} },
    { cat: 'Session', name: 'model_run', ts: 200, dur: 40, ph: 'X' },
    { cat: 'Node', name: 'a_kernel_time', ts: 210, dur: 5, ph: 'X', args: { op_name: 'Relu' } },
  ], 'x.json');
  assert.deepStrictEqual(t.runs, [{ index: 0, ms: 0.05, startUs: 100 }, { index: 1, ms: 0.04, startUs: 200 }]);
  assert.deepStrictEqual(t.nodes.map((n) => [n.node, n.run, n.ms, n.provider]), [['a', 0, 0.007, 'CPUExecutionProvider'], ['a', 1, 0.005, '']]);
  assert.deepStrictEqual(t.nodes.map((n) => n.startMs), [0.01, 0.01], 'start offsets from the start of each run');
  assert.equal(t.arena, undefined);
  assert.throws(() => parseTrace({ traceEvents: [] }, 'bad.json'), /trace "bad.json": not a Chrome trace/);
});

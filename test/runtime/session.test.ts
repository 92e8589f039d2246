import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { SessionError } from '../../src/errors';
import { encodeModel } from '../../src/onnx';
import { openSession } from '../../src/runtime';
import { INT64 } from '../../src/graph/tensor';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { sharedFile } from '../support/paths';

const squeezenet = sharedFile('models/onnx/squeezenet1.1.onnx');
const quiet = { logSeverityLevel: 4 } as const;

test('openSession on a path: names, metadata, run, release', async () => {
  const s = await openSession(squeezenet, { intraOpThreads: 1, interOpThreads: 1, optimizationLevel: 'basic',
    executionMode: 'sequential', enableCpuMemArena: false });
  assert.equal(s.source, squeezenet);
  assert.deepStrictEqual(s.inputNames, ['data']);
  assert.deepStrictEqual(s.outputNames, ['logits']);
  assert.deepStrictEqual(s.inputs, [{ name: 'data', isTensor: true, type: 'float32', dims: [1, 3, 224, 224] }]);
  assert.deepStrictEqual(s.outputs, [{ name: 'logits', isTensor: true, type: 'float32', dims: [1, 1000] }]);
  const out = await s.run({ data: { type: 'float32', dims: [1, 3, 224, 224], data: new Float32Array(3 * 224 * 224) } });
  assert.deepStrictEqual(out.logits.dims, [1, 1000]);
  assert.equal(out.logits.type, 'float32');
  assert.ok(out.logits.data instanceof Float32Array && out.logits.data.every(Number.isFinite));
  await s.release();
  await s.release(); // idempotent
  await assert.rejects(s.run({}), /run\(\) after release\(\)/);
});

test('openSession on bytes, symbolic and unknown dims become strings and null', async () => {
  const m = makeModel(makeGraph([makeNode('Identity', ['x'], ['y']), makeNode('Shape', ['x'], ['s'])],
    [tensorInfo('x', ['batch', null, 3])], [tensorInfo('y', ['batch', null, 3]), tensorInfo('s', [3], INT64)]));
  const s = await openSession(encodeModel(m), quiet);
  assert.match(s.source, /^<\d+-byte model>$/);
  assert.deepStrictEqual(s.inputs[0].dims, ['batch', null, 3]);
  const out = await s.run({ x: { type: 'float32', dims: [2, 5, 3], data: new Float32Array(30).map((_, i) => i) } });
  assert.deepStrictEqual(Array.from(out.y.data as Float32Array), Array.from({ length: 30 }, (_, i) => i));
  assert.deepStrictEqual(Array.from(out.s.data as BigInt64Array), [2n, 5n, 3n]);
  await s.release();
});

test('load failures are SessionErrors with the path and onnxruntime message', async () => {
  await assert.rejects(openSession('/nonexistent/model.onnx', quiet),
    (e: unknown) => e instanceof SessionError && /session "\/nonexistent\/model\.onnx": onnxruntime cannot load the model — .+/.test(e.message));
  const bad = makeModel(makeGraph([makeNode('NoSuchOp', ['x'], ['y'])], [tensorInfo('x', [1])], [tensorInfo('y', [1])]));
  await assert.rejects(openSession(encodeModel(bad), quiet),
    (e: unknown) => e instanceof SessionError && /NoSuchOp/.test(e.message) && e.cause instanceof Error);
  await assert.rejects(openSession(squeezenet, { optimizationLevel: 'max' as 'all' }), /invalid optimizationLevel: max/);
});

test('run failures are SessionErrors naming the session and inputs', async () => {
  const s = await openSession(squeezenet, quiet);
  try {
    await assert.rejects(s.run({ data: { type: 'float32', dims: [1, 3, 2, 2], data: new Float32Array(12) } }),
      (e: unknown) => e instanceof SessionError && e.message.includes(squeezenet) && /inputs \[data\]/.test(e.message));
  } finally {
    await s.release();
  }
  assert.ok(fs.existsSync(squeezenet));
});

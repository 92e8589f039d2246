import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionError } from '../../src/errors';
import { encodeModel } from '../../src/onnx';
import { openSession, randomInputs, runWithRandomInputs, toFloat16Bits, RANDOM_INT_BOUND } from '../../src/runtime';
import { BOOL, DOUBLE, FLOAT, FLOAT16, INT32, INT64, INT8, UINT8 } from '../../src/graph/tensor';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { sharedFile } from '../support/paths';

const quiet = { logSeverityLevel: 4 } as const;
const TYPES = { f32: FLOAT, f64: DOUBLE, f16: FLOAT16, i64: INT64, i32: INT32, i8: INT8, u8: UINT8, b: BOOL };

/** Identity on one input of each type: outputs must equal the inputs exactly. */
const identities = encodeModel(makeModel(makeGraph(
  Object.keys(TYPES).map((k) => makeNode('Identity', [k], [`${k}_out`])),
  Object.entries(TYPES).map(([k, t]) => tensorInfo(k, [1000], t)),
  Object.entries(TYPES).map(([k, t]) => tensorInfo(`${k}_out`, [1000], t)))));

test('random inputs for every type are seeded, in range and pass through onnxruntime unchanged', async () => {
  const s = await openSession(identities, quiet);
  try {
    const feeds = randomInputs(s, 42);
    assert.deepStrictEqual(Object.keys(feeds), Object.keys(TYPES));
    assert.deepStrictEqual(randomInputs(s, 42), feeds, 'same seed, same data');
    assert.notDeepStrictEqual(randomInputs(s, 43).f32.data, feeds.f32.data, 'other seed, other data');
    const f = Array.from(feeds.f32.data as Float32Array);
    const mean = f.reduce((a, b) => a + b, 0) / f.length;
    const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / f.length);
    assert.ok(Math.abs(mean) < 0.1 && Math.abs(sd - 1) < 0.1, `normal(0,1): mean ${mean}, sd ${sd}`);
    for (const k of ['i32', 'i8', 'u8'] as const) {
      const v = Array.from(feeds[k].data as Int32Array);
      assert.ok(v.every((x) => x >= 0 && x < RANDOM_INT_BOUND) && new Set(v).size === RANDOM_INT_BOUND, k);
    }
    assert.ok(Array.from(feeds.i64.data as BigInt64Array).every((x) => x >= 0n && x < BigInt(RANDOM_INT_BOUND)));
    assert.deepStrictEqual(new Set(feeds.b.data as Uint8Array), new Set([0, 1]));
    assert.equal(feeds.f16.type, 'float16');
    assert.ok(feeds.f16.data instanceof Uint16Array);
    const out = await s.run(feeds);
    for (const k of Object.keys(TYPES)) {
      assert.equal(out[`${k}_out`].type, feeds[k].type, k);
      assert.deepStrictEqual(Array.from(out[`${k}_out`].data as ArrayLike<unknown>), Array.from(feeds[k].data as ArrayLike<unknown>), k);
    }
  } finally {
    await s.release();
  }
});

test('dynamic dims need a shape override, and the error names the input', async () => {
  const m = encodeModel(makeModel(makeGraph([makeNode('Relu', ['img'], ['y'])], [tensorInfo('img', ['N', 3, null])],
    [tensorInfo('y', ['N', 3, null])])));
  const s = await openSession(m, quiet);
  try {
    assert.throws(() => randomInputs(s, 1), (e: unknown) => e instanceof SessionError &&
      /input "img" dimension 0 is dynamic \("N"\) .* pass a shape override, e.g. \{ "img": \[1,3,1\] \}/.test(e.message));
    assert.throws(() => randomInputs(s, 1, { img: [2, 3, -1] }), /input "img" dimension 2 is dynamic/);
    const feeds = randomInputs(s, 1, { img: [2, 3, 5] });
    assert.deepStrictEqual(feeds.img.dims, [2, 3, 5]);
    const out = await s.run(feeds);
    assert.deepStrictEqual(Array.from(out.y.data as Float32Array), Array.from(feeds.img.data as Float32Array, (x) => Math.max(x, 0)));
  } finally {
    await s.release();
  }
});

test('runWithRandomInputs is reproducible for a seed', async () => {
  const file = sharedFile('models/onnx/light_squeezenet.onnx');
  const a = await runWithRandomInputs(file, { seed: 3, session: { intraOpThreads: 1 } });
  const b = await runWithRandomInputs(file, { seed: 3, session: { intraOpThreads: 1 } });
  assert.deepStrictEqual(Object.keys(a), ['softmaxout_1']);
  assert.deepStrictEqual(a.softmaxout_1.dims, [1, 1000, 1, 1]);
  assert.deepStrictEqual(b, a);
  const sum = Array.from(a.softmaxout_1.data as Float32Array).reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(sum - 1) < 1e-4, `softmax sums to 1, got ${sum}`);
});

test('toFloat16Bits rounds to nearest even, with subnormals and infinities', () => {
  const cases: [number, number][] = [[0, 0], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.1, 0x2e66], [65504, 0x7bff],
    [65520, 0x7c00], [1e6, 0x7c00], [-Infinity, 0xfc00], [6e-8, 0x0001], [1e-5, 0x00a8], [1e-9, 0], [1 + 2 ** -11, 0x3c00],
    [1 + 3 * 2 ** -11, 0x3c02]];
  for (const [x, bits] of cases) assert.equal(toFloat16Bits(x), bits, `toFloat16Bits(${x})`);
  assert.equal(toFloat16Bits(NaN) & 0x7c00, 0x7c00);
  assert.notEqual(toFloat16Bits(NaN) & 0x3ff, 0);
});

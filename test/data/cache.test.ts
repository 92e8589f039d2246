import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tensorCache } from '../../src/data/cache';
import { prefetch } from '../../src/data/prefetch';

test('tensorCache: round trip, absent and damaged entries', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cache-'));
  try {
    const c = tensorCache(tmp);
    const t = { dims: [3, 1, 2] as [number, number, number], data: Float32Array.from([1, 2, 3, 4, 5, -6.5]) };
    assert.equal(await c.get('p1', 'abcd'), undefined);
    c.put('p1', 'abcd', t);
    assert.deepStrictEqual(await c.get('p1', 'abcd'), t);
    assert.equal(await c.get('p2', 'abcd'), undefined, 'another preset is another key');
    const file = path.join(tmp, 'p1', 'ab', 'abcd.f32');
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 20));
    assert.equal(await c.get('p1', 'abcd'), undefined, 'a short file is absent');
    assert.deepStrictEqual(fs.readdirSync(path.join(tmp, 'p1', 'ab')), ['abcd.f32'], 'no temp files left');
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('prefetch: results in order, errors per item, concurrency and look-ahead bounded', async () => {
  let running = 0, maxRunning = 0, started = 0, consumed = 0, maxAhead = 0;
  const items = Array.from({ length: 20 }, (_, i) => i);
  const out: unknown[] = [];
  for await (const r of prefetch(items, async (x) => {
    running++; started++; maxRunning = Math.max(maxRunning, running);
    maxAhead = Math.max(maxAhead, started - consumed);
    await new Promise((res) => setTimeout(res, (x * 7) % 5));
    running--;
    if (x === 13) throw new Error('bad 13');
    return x * 10;
  }, { concurrency: 3, ahead: 5 })) {
    consumed++; // handed over
    out.push(r.ok ? r.value : (r.error as Error).message);
    await new Promise((res) => setTimeout(res, 1));
  }
  assert.deepStrictEqual(out, items.map((x) => (x === 13 ? 'bad 13' : x * 10)));
  assert.ok(maxRunning <= 3 && maxRunning >= 2, `max running ${maxRunning}`);
  assert.ok(maxAhead <= 5, `max ahead ${maxAhead}`);
});

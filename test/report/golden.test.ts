// The golden-file helper itself: rounding, and a "-changed" file plus a failure when the value differs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertGolden, roundNumbers } from '../support/golden';

test('roundNumbers rounds nested numbers and leaves strings', () => {
  assert.deepEqual(roundNumbers({ a: [1.23456, 'x'], b: { c: -0.0001 } }), { a: [1.235, 'x'], b: { c: 0 } });
});

test('assertGolden: equal after rounding passes; a difference fails and leaves <name>-changed.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-golden-'));
  const file = path.join(dir, 'fig.json');
  fs.writeFileSync(file, JSON.stringify({ y: [1.5] }, null, 2) + '\n');
  assertGolden(file, { y: [1.50004] });
  assert.throws(() => assertGolden(file, { y: [1.6] }), /fig\.json differs/);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'fig-changed.json'), 'utf8')), { y: [1.6] });
  assert.throws(() => assertGolden(path.join(dir, 'missing.json'), { y: 1 }), /is missing/);
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Regenerate test/profile/fixtures/tiny-trace.json: a real onnxruntime trace of `tinyNet()` at 'disabled'
 * optimization, 3 runs, one thread (run once by hand: `node dist/test/profile/makeFixtures.js`; the golden
 * records file is rewritten by the trace test when missing).
 *
 * @example
 * node dist/test/profile/makeFixtures.js
 */
import * as fs from 'fs';
import * as path from 'path';
import { encodeModel } from '../../src/onnx';
import { openSession, randomInputs } from '../../src/runtime';
import { fixture, tinyNet } from './support';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync('/tmp/layerlab-fixture-');
  const s = await openSession(encodeModel(tinyNet()), { optimizationLevel: 'disabled', intraOpThreads: 1, profileFilePrefix: path.join(dir, 'tiny') });
  const p = s.prepare(randomInputs(s, 0));
  for (let i = 0; i < 3; i++) await p.run();
  s.endProfiling();
  await s.release();
  const file = fs.readdirSync(dir).find((f) => f.startsWith('tiny'))!;
  fs.copyFileSync(path.join(dir, file), fixture('tiny-trace.json'));
  fs.rmSync(dir, { recursive: true });
}

if (require.main === module) void main();

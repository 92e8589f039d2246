/**
 * The ONNX conformance models (Debian's libonnx-testdata) and the shared models through the codec:
 * decode -> encode -> decode is deep-equal, the re-encoded bytes load in onnxruntime exactly where the
 * originals do, pass python3-onnx's checker where the originals do, and compute the same outputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeModel, encodeModel, readModel, writeModel } from '../../src/onnx';
import { openSession, randomInputs, type HostTensor, type Session } from '../../src/runtime';
import { checkModelFiles } from '../support/onnxChecker';
import { sharedFile } from '../support/paths';

const NODE_TESTS = '/usr/share/libonnx-testdata/data/node';
const SESSION = { intraOpThreads: 1, logSeverityLevel: 4 } as const;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-conformance-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

async function tryOpen(model: string | Uint8Array): Promise<Session | string> {
  try { return await openSession(model, SESSION); } catch (e) { return (e as Error).message; }
}

async function outputs(s: Session, feeds: Record<string, HostTensor>): Promise<Record<string, HostTensor> | string> {
  try { return await s.run(feeds); } catch (e) { return (e as Error).message.replace(/session "[^"]*"/, 'session'); }
}

test('conformance models: round trip, onnxruntime load outcome, outputs and onnx checker', { skip: !fs.existsSync(NODE_TESTS) }, async () => {
  const names = fs.readdirSync(NODE_TESTS).filter((d) => fs.existsSync(path.join(NODE_TESTS, d, 'model.onnx'))).sort();
  const counts = { total: names.length, roundTripEqual: 0, originalLoads: 0, reencodedLoads: 0, sameLoadOutcome: 0,
    ran: 0, sameOutputs: 0, dynamicInputs: 0 };
  const originals: string[] = [], rewritten: string[] = [];
  for (const name of names) {
    const file = path.join(NODE_TESTS, name, 'model.onnx');
    const bytes = new Uint8Array(fs.readFileSync(file));
    const model = decodeModel(bytes, { source: file });
    const re = encodeModel(model);
    assert.deepStrictEqual(decodeModel(re, { source: `${file} (re-encoded)` }), model, name);
    counts.roundTripEqual++;
    const out = path.join(tmp, `${name}.onnx`);
    fs.writeFileSync(out, re);
    originals.push(file); rewritten.push(out);

    const a = await tryOpen(bytes), b = await tryOpen(re);
    if (typeof a !== 'string') counts.originalLoads++;
    if (typeof b !== 'string') counts.reencodedLoads++;
    assert.equal(typeof b === 'string', typeof a === 'string', `${name}: load outcome differs: ${typeof a === 'string' ? a : 'loads'} / ${typeof b === 'string' ? b : 'loads'}`);
    counts.sameLoadOutcome++;
    if (typeof a !== 'string' && typeof b !== 'string') {
      let feeds: Record<string, HostTensor> | undefined;
      try { feeds = randomInputs(a, 7); } catch { counts.dynamicInputs++; }
      if (feeds) {
        assert.deepStrictEqual(await outputs(b, feeds), await outputs(a, feeds), `${name}: outputs differ`);
        counts.ran++; counts.sameOutputs++;
      }
    }
    if (typeof a !== 'string') await a.release();
    if (typeof b !== 'string') await b.release();
  }
  const checkedOriginal = checkModelFiles(originals), checkedRewritten = checkModelFiles(rewritten);
  const checker = { originalPass: 0, reencodedPass: 0 };
  checkedOriginal.forEach((r, k) => {
    if (r.ok) checker.originalPass++;
    if (checkedRewritten[k].ok) checker.reencodedPass++;
    if (r.ok) assert.ok(checkedRewritten[k].ok, `${names[k]}: re-encoded model fails the onnx checker: ${checkedRewritten[k].message}`);
  });
  console.log('conformance', JSON.stringify({ ...counts, checker }));
  assert.ok(counts.total > 900, `expected ~932 conformance models, found ${counts.total}`);
  assert.ok(counts.originalLoads > 0.9 * counts.total);
});

test('shared models: round trip, load, identical outputs on the same random inputs', async () => {
  const dir = sharedFile('models/onnx');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.onnx')).sort();
  assert.ok(files.length >= 4, `expected the shared .onnx models in ${dir}`);
  for (const f of files) {
    const src = path.join(dir, f);
    const model = await readModel(src);
    const copy = path.join(tmp, `shared-${f}`);
    await writeModel(copy, model);
    assert.deepStrictEqual(await readModel(copy), model, f);
    const a = await openSession(src, SESSION), b = await openSession(copy, SESSION);
    try {
      const feeds = randomInputs(a, 1);
      const [oa, ob] = [await a.run(feeds), await b.run(feeds)];
      assert.ok(Object.keys(oa).length > 0);
      assert.deepStrictEqual(ob, oa, `${f}: outputs differ`);
      console.log('shared', f, Object.entries(oa).map(([k, v]) => `${k} [${v.dims}]`).join(', '));
    } finally {
      await a.release(); await b.release();
    }
  }
});

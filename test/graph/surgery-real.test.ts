/**
 * Surgery on the real GoogLeNet and AlexNet graphs (the ONNX "light" test models): every variant is
 * structurally valid, passes python3-onnx's checker (one batched call) and runs in onnxruntime.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyAblations, type Ablation } from '../../src/graph/ablation';
import { randomizeWeights, RANDOMIZE_SEED_KEY } from '../../src/graph/randomize';
import type { Model } from '../../src/graph/types';
import { validate } from '../../src/graph/validate';
import { readModel, writeModel } from '../../src/onnx';
import { runWithRandomInputs } from '../../src/runtime';
import { checkModelFiles } from '../support/onnxChecker';
import { sharedFile } from '../support/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-surgery-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const NETS = {
  alexnet: { file: 'light_bvlc_alexnet.onnx', nodes: ['n2', 'n18', 'n23', 'n1'], identity: 'n6' },
  inception: { file: 'light_inception_v1.onnx', nodes: ['n3', 'n139', 'n143', 'n11'], identity: 'n8' },
} as const;

function variants(net: keyof typeof NETS): { label: string; ablations: Ablation[] }[] {
  const { nodes, identity } = NETS[net];
  return [
    { label: 'no LRN', ablations: [{ kind: 'bypass', op: 'LRN' }] },
    { label: 'no Dropout', ablations: [{ kind: 'bypass', op: 'Dropout' }] },
    ...nodes.map((node) => ({ label: `no ${node}`, ablations: [{ kind: 'bypass', node } as Ablation] })),
    { label: `identity ${identity}`, ablations: [{ kind: 'identity', node: identity }] },
    { label: 'all', ablations: [{ kind: 'bypass', op: 'LRN' }, { kind: 'bypass', op: 'Dropout' }, { kind: 'bypass', node: nodes[2] }] },
  ];
}

const output = async (file: string): Promise<{ dims: number[]; data: Float32Array }> => {
  const out = await runWithRandomInputs(file, { seed: 1 });
  const prob = out.prob_1;
  assert.ok(prob, `${file}: output prob_1 (got ${Object.keys(out).join(', ')})`);
  return { dims: prob.dims, data: prob.data as Float32Array };
};
const maxAbsDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
const softmax = (x: Float32Array): Float32Array => {
  const m = Math.max(...x); const e = x.map((v) => Math.exp(v - m)); const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

test('bypass and identity variants of AlexNet and GoogLeNet are valid, pass onnx.checker and run', async () => {
  const written: { file: string; label: string; model: Model; original: Model }[] = [];
  for (const net of Object.keys(NETS) as (keyof typeof NETS)[]) {
    const original = await readModel(sharedFile('models/onnx', NETS[net].file));
    for (const v of variants(net)) {
      const model = applyAblations(original, v.ablations);
      assert.deepEqual(validate(model.graph), [], `${net} ${v.label}`);
      assert.deepEqual(model.graph.outputs, original.graph.outputs, `${net} ${v.label}: graph outputs unchanged`);
      const file = path.join(dir, `${net}-${v.label.replace(/\W+/g, '_')}.onnx`);
      await writeModel(file, model);
      written.push({ file, label: `${net} ${v.label}`, model, original });
    }
  }
  const byLabel = new Map(written.map((w) => [w.label, w.model]));
  const count = (label: string, op: string): number => (byLabel.get(label) as Model).graph.nodes.filter((n) => n.opType === op).length;
  assert.equal(count('alexnet no LRN', 'LRN'), 0);
  assert.equal(count('alexnet no Dropout', 'Dropout'), 0);
  assert.equal(count('inception no LRN', 'LRN'), 0);
  assert.equal(count('inception all', 'Softmax'), 0);
  assert.equal((byLabel.get('alexnet no LRN') as Model).graph.nodes.length, 38);
  assert.equal((byLabel.get('inception all') as Model).graph.nodes.length, 237 - 4);

  const checks = checkModelFiles(written.map((w) => w.file));
  for (const c of checks) assert.ok(c.ok, `onnx.checker: ${c.path}: ${c.message}`);

  for (const w of written) {
    const out = await output(w.file);
    assert.deepEqual(out.dims, [1, 1000], w.label);
    assert.ok(out.data.every(Number.isFinite), `${w.label}: finite outputs`);
  }
});

test('on randomized GoogLeNet: bypassing Dropout keeps the output, LRN changes it, Softmax leaves the logits', async () => {
  const model = randomizeWeights(await readModel(sharedFile('models/onnx/light_inception_v1.onnx')), 11);
  assert.equal(model.metadata[RANDOMIZE_SEED_KEY], '11');
  assert.equal(model.graph.nodes.filter((n) => n.opType === 'ConstantOfShape').length, 0);
  assert.deepEqual(model.graph.inputs.map((v) => v.name), ['data_0']);
  const files: Record<string, string> = {};
  const cases: Record<string, Ablation[]> = {
    base: [], noDropout: [{ kind: 'bypass', op: 'Dropout' }], noLRN: [{ kind: 'bypass', op: 'LRN' }],
    noSoftmax: [{ kind: 'bypass', node: 'n143' }],
  };
  for (const [k, ablations] of Object.entries(cases)) {
    files[k] = path.join(dir, `inception-random-${k}.onnx`);
    await writeModel(files[k], applyAblations(model, ablations));
  }
  for (const c of checkModelFiles(Object.values(files))) assert.ok(c.ok, `onnx.checker: ${c.path}: ${c.message}`);
  const base = await output(files.base), noDropout = await output(files.noDropout);
  const noLRN = await output(files.noLRN), noSoftmax = await output(files.noSoftmax);
  assert.ok(Math.abs(base.data.reduce((a, b) => a + b, 0) - 1) < 1e-4);
  assert.ok(Math.max(...base.data) > 0.0011, 'random weights give a non-uniform prediction');
  assert.ok(maxAbsDiff(base.data, noDropout.data) < 1e-6, 'Dropout is a no-op at inference');
  assert.ok(maxAbsDiff(base.data, noLRN.data) > 1e-5, 'removing LRN changes the output');
  assert.ok(maxAbsDiff(softmax(noSoftmax.data), base.data) < 1e-5, 'without Softmax the output is the logits');
});

test('randomized AlexNet (61M parameters) without LRN: timing of randomizeWeights, checker, onnxruntime', async (t) => {
  const original = await readModel(sharedFile('models/onnx/light_bvlc_alexnet.onnx'));
  const t0 = process.hrtime.bigint();
  const model = randomizeWeights(original, 42);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const params = model.graph.initializers.filter((x) => x.dataType === 1).reduce((a, x) => a + x.dims.reduce((p, d) => p * d, 1), 0);
  t.diagnostic(`randomizeWeights(AlexNet): ${ms.toFixed(0)} ms for ${params} float parameters`);
  assert.equal(params, 60965224);
  assert.ok(ms < 30000, `randomizeWeights took ${ms} ms`);
  const file = path.join(dir, 'alexnet-random-noLRN.onnx');
  await writeModel(file, applyAblations(model, [{ kind: 'bypass', op: 'LRN' }]));
  const [check] = checkModelFiles([file]);
  assert.ok(check.ok, check.message);
  const out = await output(file);
  assert.deepEqual(out.dims, [1, 1000]);
  assert.ok(out.data.every(Number.isFinite));
  assert.ok(Math.max(...out.data) > 0.0011, 'random weights give a non-uniform prediction');
});

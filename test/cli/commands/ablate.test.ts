// `layerlab ablate` end to end: the written model passes python3-onnx's checker and runs in onnxruntime;
// inputs are never overwritten.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import type { CommandIO } from '../../../src/cli/command';
import { readModel } from '../../../src/onnx';
import { runWithRandomInputs } from '../../../src/runtime';
import { checkModelFiles } from '../../support/onnxChecker';
import { sharedDir, sharedFile } from '../../support/paths';

function capture(cwd: string, cache: string): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [], stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env: { LAYERLAB_DATA: sharedDir(), LAYERLAB_CACHE: cache } };
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const CASES: { model: string; args: string[]; removed: string[]; gone?: string[]; identity?: string }[] = [
  { model: 'light_alexnet', args: ['--remove-op', 'LRN'], removed: ['LRN'] },
  { model: 'light_alexnet', args: ['--remove-op', 'LRN', '--remove-op', 'Dropout'], removed: ['LRN', 'Dropout'] },
  { model: 'light_googlenet', args: ['--remove-op', 'LRN'], removed: ['LRN'] },
  { model: 'light_googlenet', args: ['--remove-op', 'Dropout', '--remove-op', 'Softmax'], removed: ['Dropout', 'Softmax'] },
  { model: 'alexnet', args: ['--remove-op', 'LRN', '--remove-node', 'drop6'], removed: ['LRN'], gone: ['drop6'] },
  { model: 'googlenet', args: ['--remove-op', 'LRN', '--identity', 'inception_3a/relu_1x1'], removed: ['LRN'], identity: 'inception_3a/relu_1x1' },
];

test('ablate writes checked, runnable models for surgeries on the AlexNet and GoogLeNet graphs', { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-ablate-'));
  try {
    const written: string[] = [];
    const inputs = ['light_bvlc_alexnet.onnx', 'light_inception_v1.onnx'].map((f) => sharedFile('models/onnx', f));
    const before = inputs.map(sha);
    for (const [i, c] of CASES.entries()) {
      const io = capture(dir, path.join(dir, 'cache'));
      const out = path.join(dir, `out-${i}.onnx`);
      const code = await main(['ablate', c.model, ...c.args, '-o', out], io);
      assert.equal(code, 0, `${c.model} ${c.args.join(' ')}: ${io.stderr.join('\n')}`);
      assert.match(io.stdout.join('\n'), /nodes; wrote/);
      const m = await readModel(out);
      for (const op of c.removed) assert.equal(m.graph.nodes.filter((n) => n.opType === op).length, 0, `${c.model}: ${op} left`);
      for (const name of c.gone ?? []) assert.ok(!m.graph.nodes.some((n) => n.name === name), `${c.model}: ${name} left`);
      if (c.identity) assert.equal(m.graph.nodes.find((n) => n.name === c.identity)?.opType, 'Identity', `${c.model}: ${c.identity} is an Identity`);
      assert.ok(m.metadata['layerlab.ablations'], 'ablations recorded in the model');
      const outputs = await runWithRandomInputs(out, { seed: 3 });
      const [t] = Object.values(outputs);
      assert.deepEqual(t.dims, [1, 1000], `${c.model}: output dims`);
      assert.ok(Array.from(t.data as Float32Array).every(Number.isFinite), `${c.model}: finite outputs`);
      written.push(out);
    }
    assert.deepEqual(inputs.map(sha), before, 'the input models are unchanged');
    const checked = checkModelFiles(written);
    for (const r of checked) assert.ok(r.ok, `python3-onnx checker: ${r.path}: ${r.message}`);
    assert.equal(checked.length, CASES.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ablate refuses to write over its input and leaves it intact; bad requests are clear usage errors', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-ablate-'));
  try {
    const input = path.join(dir, 'm.onnx');
    fs.copyFileSync(sharedFile('models/onnx/light_squeezenet.onnx'), input);
    const hash = sha(input);
    let io = capture(dir, path.join(dir, 'cache'));
    assert.equal(await main(['ablate', input, '--remove-op', 'Dropout', '-o', input], io), 2);
    assert.match(io.stderr.join('\n'), /refusing to write over the input/);
    assert.equal(sha(input), hash);
    // a relative -o is resolved against the command's working folder
    fs.mkdirSync(path.join(dir, 'work'));
    io = capture(path.join(dir, 'work'), path.join(dir, 'cache'));
    assert.equal(await main(['ablate', input, '--remove-op', 'Dropout', '-o', 'rel.onnx'], io), 0, io.stderr.join('\n'));
    assert.ok(fs.existsSync(path.join(dir, 'work', 'rel.onnx')));
    fs.rmSync(path.join(dir, 'work'), { recursive: true });
    io = capture(dir, path.join(dir, 'cache'));
    assert.equal(await main(['ablate', input, '-o', path.join(dir, 'x.onnx')], io), 2);
    assert.match(io.stderr.join('\n'), /nothing to remove/);
    io = capture(dir, path.join(dir, 'cache'));
    assert.equal(await main(['ablate', input, '--remove-op', 'LRN', '-o', path.join(dir, 'y.onnx')], io), 1);
    assert.match(io.stderr.join('\n'), /LRN/);
    assert.ok(!fs.existsSync(path.join(dir, 'y.onnx')), 'no output written on failure');
    io = capture(dir, path.join(dir, 'cache'));
    assert.equal(await main(['ablate', input, '--remove-node', 'no_such_node', '-o', path.join(dir, 'z.onnx')], io), 1);
    assert.match(io.stderr.join('\n'), /no_such_node/);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.onnx')), ['m.onnx'], 'no partial or temporary files left');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

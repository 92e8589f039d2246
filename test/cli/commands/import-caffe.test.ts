import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../../src/cli/commands/import-caffe';
import type { CommandIO } from '../../../src/cli/command';
import { readModel } from '../../../src/onnx';
import { encodeCaffemodel } from '../../../src/caffe';
import { sharedDir, sharedFile } from '../../support/paths';

function io(cwd = process.cwd()): CommandIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (t) => stdout.push(t), err: () => undefined, cwd, env: { LAYERLAB_DATA: sharedDir() } };
}

const cifar = (f: string): string => sharedFile('models', 'caffe', 'cifar10_full', f);

test('import-caffe writes an ONNX model with the caffemodel weights', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-import-caffe-'));
  try {
    const o = io(dir);
    const code = await command.run([cifar('cifar10_full.prototxt'), '--weights', cifar('cifar10_full_iter_70000.caffemodel'), '-o', 'c.onnx'], o);
    assert.equal(code, 0);
    assert.match(o.stdout.join('\n'), /^13 Caffe layers -> 24 ONNX nodes, weights from .*cifar10_full_iter_70000\.caffemodel; wrote .*c\.onnx$/);
    const m = await readModel(path.join(dir, 'c.onnx'));
    assert.equal(m.metadata['caffe:format'], 'V1');
    assert.ok(m.graph.nodes.some((n) => n.name === 'norm1/pool' && n.opType === 'AveragePool'));
    const o2 = io(dir);
    assert.equal(await command.run([sharedFile('models', 'caffe', 'nin_imagenet.prototxt'), '--seed', '4', '--batch', '1', '-o', 'n.onnx'], o2), 0);
    assert.match(o2.stdout.join('\n'), /random weights \(seed 4\)/);
    const n = await readModel(path.join(dir, 'n.onnx'));
    assert.deepEqual(n.graph.inputs[0].type.kind === 'tensor' ? n.graph.inputs[0].type.shape : null, [1, 3, 224, 224]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('import-caffe refuses to overwrite its inputs and bad flags', async () => {
  const proto = cifar('cifar10_full.prototxt');
  await assert.rejects(command.run([proto, '-o', proto], io()), /refusing to write over the input/);
  await assert.rejects(command.run([proto, '--weights', cifar('cifar10_full_iter_70000.caffemodel'), '-o', cifar('cifar10_full_iter_70000.caffemodel')], io()), /refusing to write over the input/);
  await assert.rejects(command.run([proto], io()), /missing output: give -o <file>/);
  await assert.rejects(command.run([proto, '--seed', 'x', '-o', '/tmp/x.onnx'], io()), /invalid --seed: x/);
  await assert.rejects(command.run([], io()), /expected one prototxt, got 0/);
  await assert.rejects(command.run(['/nonexistent/x.prototxt', '-o', '/tmp/layerlab-never.onnx'], io()), /\/nonexistent\/x\.prototxt: cannot read the prototxt: ENOENT/);
});

test('import-caffe warns when the caffemodel lacks layers of the prototxt', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-import-caffe-'));
  try {
    const partial = path.join(dir, 'partial.caffemodel');
    fs.writeFileSync(partial, encodeCaffemodel([{ name: 'conv1', type: 'Convolution', blobs: [
      { shape: [32, 3, 5, 5], data: new Float32Array(32 * 3 * 5 * 5).fill(0.01) }, { shape: [32], data: new Float32Array(32) }] }]));
    const stderr: string[] = [];
    const o = { ...io(dir), err: (t: string) => stderr.push(t) };
    assert.equal(await command.run([cifar('cifar10_full.prototxt'), '--weights', partial, '-o', 'p.onnx'], o), 0);
    assert.match(stderr.join('\n'), /warning: .*partial\.caffemodel has no weights for layer\(s\) conv2, conv3, ip1: they got seeded random values/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

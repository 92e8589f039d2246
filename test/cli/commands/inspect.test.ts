import { test } from 'node:test';
import assert from 'node:assert/strict';
import { command } from '../../../src/cli/commands/inspect';
import { parseArgs, shapeFlags } from '../../../src/cli/args';
import type { CommandIO } from '../../../src/cli/command';
import { sharedDir, sharedFile } from '../../support/paths';

function io(): CommandIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (t) => stdout.push(t), err: () => undefined, cwd: process.cwd(), env: { LAYERLAB_DATA: sharedDir() } };
}

test('shapeFlags parses --input-shape values', () => {
  const parseInputShapes = (values: string[]) => shapeFlags(parseArgs(values.flatMap((v) => ['--input-shape', v]), { 'input-shape': { type: 'string', multiple: true } }), 'input-shape');
  assert.deepEqual(parseInputShapes(['data=1,3,227,227', 'x=2x4']), { data: [1, 3, 227, 227], x: [2, 4] });
  assert.throws(() => parseInputShapes(['data=1,a']), /invalid --input-shape: data=1,a/);
  assert.throws(() => parseInputShapes(['1,3']), /expected name=d1,d2/);
});

test('inspect --json: fileBytes, params, macs, opHistogram, nodes', async () => {
  const o = io();
  const file = sharedFile('models', 'onnx', 'light_bvlc_alexnet.onnx');
  assert.equal(await command.run([file, '--json', '--input-shape', 'data_0=1,3,227,227'], o), 0);
  const j = JSON.parse(o.stdout.join(''));
  assert.equal(j.fileBytes, 3968);
  assert.equal(j.params, 60_965_224);
  assert.equal(j.macs, 724_406_816);
  assert.equal(j.opHistogram.Conv, 5);
  const conv = j.nodes.find((n: { name: string }) => n.name === 'n0');
  assert.deepEqual(conv, { name: 'n0', opType: 'Conv', outputShape: [1, 96, 55, 55], params: 34_944, macs: 105_415_200, constant: false });
});

test('inspect: table output; errors name the file', async () => {
  const o = io();
  const file = sharedFile('models', 'onnx', 'squeezenet1.1.onnx');
  assert.equal(await command.run([file], o), 0);
  assert.match(o.stdout.join('\n'), /params +1\.2 M \(1,235,496\)/);
  await assert.rejects(command.run([sharedFile('README.md')], io()), (e: Error) => e.message.includes('README.md'));
  await assert.rejects(command.run([file, '--input-shape', 'nope=1'], io()), /squeezenet1\.1\.onnx.*"nope" is not a graph input \(inputs: data\)/);
  await assert.rejects(command.run([], io()), /exactly one model/);
});

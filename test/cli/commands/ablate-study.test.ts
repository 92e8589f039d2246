// `layerlab ablate-study`: flags to the study, the table printed, resume on a second run, clear refusals.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../../src/cli/commands/ablate-study';
import { UsageError } from '../../../src/errors';
import { writeModel } from '../../../src/onnx';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../../builders';

function io(cwd: string): { out: string[]; err: string[]; io: Parameters<typeof command.run>[1] } {
  const out: string[] = [], err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: { LAYERLAB_DATA: cwd, LAYERLAB_CACHE: path.join(cwd, 'cache') } } };
}

test('layerlab ablate-study: timing-only study of --ops and --nodes, table on stdout, progress on stderr, resumes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-ablate-study-'));
  try {
    const m = makeModel(makeGraph([
      makeNode('Relu', ['x'], ['a'], {}, 'relu1'), makeNode('Dropout', ['a'], ['b'], {}, 'drop'), makeNode('Sigmoid', ['b'], ['y'], {}, 'sig'),
    ], [tensorInfo('x', [1, 4, 16, 16])], [tensorInfo('y', [1, 4, 16, 16])]));
    await writeModel(path.join(dir, 'm.onnx'), m);
    const args = ['m.onnx', '--ops', 'Dropout', '--nodes', 'relu1,sig', '--runs', '3', '--warmup', '1', '--out', 'r.jsonl'];
    const first = io(dir);
    assert.equal(await command.run(args, first.io), 0);
    const table = first.out.join('\n');
    assert.match(table, /^variant +median ms +95% CI +saved ms +saved % +saved 95% CI +removed share %$/m);
    for (const v of ['baseline', 'bypass op Dropout', 'bypass node relu1', 'bypass node sig']) assert.match(table, new RegExp(`^${v} `, 'm'));
    assert.match(table, /4 variants \(0 from an earlier run\) in .*r\.jsonl/);
    assert.equal(first.err.length, 4);
    const second = io(dir);
    assert.equal(await command.run([...args, '--json'], second.io), 0);
    assert.equal(JSON.parse(second.out.join('')).length, 4);
    assert.match(second.err.join('\n'), /resuming .*r\.jsonl: 4 of 4 variants already recorded/);
    assert.equal(fs.readFileSync(path.join(dir, 'r.jsonl'), 'utf8').trim().split('\n').length, 4);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('layerlab ablate-study refuses missing variants, --labels without --images, a bad ablation and an output over the model', async () => {
  const o = io(os.tmpdir());
  const usage = (re: RegExp) => (e: unknown) => e instanceof UsageError && re.test(e.message);
  await assert.rejects(command.run(['m.onnx'], o.io), usage(/needs variants: --ops, --nodes, --variant or --each-bypassable/));
  await assert.rejects(command.run(['m.onnx', '--ops', 'LRN', '--labels', 'v.txt'], o.io), usage(/--labels needs --images/));
  await assert.rejects(command.run(['m.onnx', '--variant', 'remove node x'], o.io), usage(/invalid ablation: "remove node x"/));
  await assert.rejects(command.run([path.join(os.tmpdir(), 'm.onnx'), '--ops', 'LRN', '--out', path.join(os.tmpdir(), 'm.onnx')], o.io), usage(/refusing to write over the input/));
});

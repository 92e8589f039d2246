import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { command } from '../../../src/cli/commands/profile';
import { UsageError } from '../../../src/errors';
import { tinyNet, writeTemp } from '../../profile/support';

function io(cwd: string): { out: string[]; err: string[]; io: Parameters<typeof command.run>[1] } {
  const out: string[] = [], err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {} } };
}

test('layerlab profile --json: init, inference, memory, byType, byCategory, nodes, coverage, overhead, environment; --trace copies the trace', async () => {
  const file = writeTemp(tinyNet());
  const dir = path.dirname(file);
  const o = io(dir);
  const code = await command.run(['model.onnx', '--runs', '4', '--warmup', '2', '--opt-level', 'disabled', '--threads', '1', '--json', '--trace', 'out.json'], o.io);
  assert.equal(code, 0);
  const r = JSON.parse(o.out.join(''));
  for (const k of ['readMs', 'sessionMs', 'totalMs', 'firstInferenceMs']) assert.equal(typeof r.init[k], 'number', k);
  for (const k of ['min', 'median', 'mean', 'p90']) assert.equal(typeof r.inference[k], 'number', k);
  assert.equal(r.inference.ci95.length, 2);
  assert.equal(r.inference.n, 4);
  assert.equal(r.options.warmup, 2);
  assert.equal(typeof r.memory.peakRssBytes, 'number');
  for (const k of ['byType', 'byCategory']) assert.deepStrictEqual(Object.keys(r[k][0]).sort(), ['count', 'ms', 'pct', 'type']);
  assert.equal(r.nodes.length, 7);
  assert.equal(typeof r.coverage, 'number');
  assert.equal(typeof r.overhead, 'number');
  assert.equal(typeof r.environment.cpuModel, 'string');
  assert.ok(Array.isArray(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))));
  const t = io(dir);
  assert.equal(await command.run([file, '--runs', '3', '--warmup', 'auto', '--shape', 'x=1,2,6,6'], t.io), 0);
  assert.match(t.out.join(''), /^profile of model[\s\S]*by category[\s\S]*by op type[\s\S]*top 7 of 7 nodes/);
});

test('layerlab profile refuses bad flags with the flag named', async () => {
  const o = io('/');
  await assert.rejects(command.run(['m.onnx', '--warmup', 'soon'], o.io), (e: unknown) => e instanceof UsageError && /invalid --warmup: soon/.test(e.message));
  await assert.rejects(command.run(['m.onnx', '--shape', 'x'], o.io), /invalid --shape: x/);
  await assert.rejects(command.run([], o.io), /needs exactly one model/);
  await assert.rejects(command.run(['m.onnx', '--runs', 'many'], o.io), /invalid --runs: many/);
});

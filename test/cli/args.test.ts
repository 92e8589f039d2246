import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { optionalInt, parseArgs, shapeFlags, warmupFlag } from '../../src/cli/args';
import { UsageError } from '../../src/errors';
import { globalOptions } from '../../src/cli/main';

const spec = {
  'remove-op': { type: 'string' as const, multiple: true },
  json: { type: 'boolean' as const },
  o: { type: 'string' as const, alias: 'output' },
  runs: { type: 'string' as const },
};

test('parseArgs collects positionals, repeated flags, aliases and = forms', () => {
  const a = parseArgs(['m.onnx', '--remove-op', 'LRN', '--remove-op=Dropout', '--output', 'x.onnx', '--json'], spec);
  assert.deepEqual(a.positionals, ['m.onnx']);
  assert.deepEqual(a.flags['remove-op'], ['LRN', 'Dropout']);
  assert.equal(a.flags.o, 'x.onnx');
  assert.equal(a.flags.json, true);
});

test('parseArgs refuses unknown flags, missing values and values on booleans', () => {
  assert.throws(() => parseArgs(['--nope'], spec), (e: Error) => e instanceof UsageError && /unknown option: --nope/.test(e.message) && /--remove-op/.test(e.message));
  assert.throws(() => parseArgs(['-o'], spec), /option -o needs a value/);
  assert.throws(() => parseArgs(['--json=1'], spec), /takes no value/);
});

test('the global --data option sets LAYERLAB_DATA and is removed from the arguments', () => {
  const g = globalOptions(['--data', '/d', 'inspect', 'alexnet', '--json'], { LAYERLAB_DATA: '/old' });
  assert.deepEqual(g.argv, ['inspect', 'alexnet', '--json']);
  assert.equal(g.env.LAYERLAB_DATA, '/d');
  assert.equal(globalOptions(['env', '--data=/e'], {}).env.LAYERLAB_DATA, '/e');
  assert.throws(() => globalOptions(['env', '--data'], {}), /--data needs a folder/);
});

test('optionalInt, warmupFlag and shapeFlags refuse bad values with the flag name', () => {
  const s = { runs: { type: 'string' as const }, warmup: { type: 'string' as const }, shape: { type: 'string' as const, multiple: true } };
  assert.equal(optionalInt(parseArgs(['--runs', '5'], s), 'runs', 1), 5);
  assert.equal(optionalInt(parseArgs([], s), 'runs', 1), undefined);
  assert.throws(() => optionalInt(parseArgs(['--runs', '0'], s), 'runs', 1), /invalid --runs: 0 \(expected an integer >= 1\)/);
  assert.throws(() => optionalInt(parseArgs(['--runs', '2.5'], s), 'runs', 1), /invalid --runs: 2\.5/);
  assert.equal(warmupFlag(parseArgs(['--warmup', 'auto'], s)), 'auto');
  assert.equal(warmupFlag(parseArgs(['--warmup', '3'], s)), 3);
  assert.throws(() => warmupFlag(parseArgs(['--warmup', 'soon'], s)), /invalid --warmup: soon \(expected a count or auto\)/);
  assert.deepEqual(shapeFlags(parseArgs(['--shape', 'data=1,3,8,8', '--shape', 'x=2x4'], s), 'shape'), { data: [1, 3, 8, 8], x: [2, 4] });
  assert.equal(shapeFlags(parseArgs([], s), 'shape'), undefined);
  assert.throws(() => shapeFlags(parseArgs(['--shape', 'data=1,a'], s), 'shape'), /invalid --shape: data=1,a \(expected name=d1,d2/);
  assert.throws(() => shapeFlags(parseArgs(['--shape', 'data='], s), 'shape'), /invalid --shape: data=/);
  assert.throws(() => shapeFlags(parseArgs(['--shape', 'data=1,,3'], s), 'shape'), /invalid --shape: data=1,,3/);
});

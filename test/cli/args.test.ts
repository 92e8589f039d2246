import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { numberFlag, parseArgs } from '../../src/cli/args';
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

test('numberFlag refuses non-numbers with the flag name', () => {
  assert.equal(numberFlag(parseArgs(['--runs', '20'], spec), 'runs', 5), 20);
  assert.equal(numberFlag(parseArgs([], spec), 'runs', 5), 5);
  assert.throws(() => numberFlag(parseArgs(['--runs', 'many'], spec), 'runs', 5), /invalid --runs: many/);
});

test('the global --data option sets LAYERLAB_DATA and is removed from the arguments', () => {
  const g = globalOptions(['--data', '/d', 'inspect', 'alexnet', '--json'], { LAYERLAB_DATA: '/old' });
  assert.deepEqual(g.argv, ['inspect', 'alexnet', '--json']);
  assert.equal(g.env.LAYERLAB_DATA, '/d');
  assert.equal(globalOptions(['env', '--data=/e'], {}).env.LAYERLAB_DATA, '/e');
  assert.throws(() => globalOptions(['env', '--data'], {}), /--data needs a folder/);
});

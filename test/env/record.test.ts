import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeEnvironment, environmentRecord, writeEnvironmentFile, type EnvironmentRecord } from '../../src/env/record';

test('environmentRecord reads this machine', () => {
  const e = environmentRecord();
  assert.equal(e.cores, os.availableParallelism());
  assert.equal(e.memoryBytes, os.totalmem());
  assert.equal(e.node, process.version);
  assert.match(e.onnxruntime, /^\d+\.\d+\.\d+/);
  assert.ok(e.cpuModel.length > 0);
});

test('describeEnvironment writes the study\'s style of line', () => {
  const e: EnvironmentRecord = { cpuModel: 'Intel Core i5-2550K', cores: 4, cpuMHz: 3800, memoryBytes: 16 * 2 ** 30,
    os: 'Debian', kernel: '6', arch: 'x64', node: 'v20', onnxruntime: '1.30.0', hostname: 'h', takenAt: 't' };
  assert.equal(describeEnvironment(e), 'CPU: quad-core Intel Core i5-2550K, 3.8 GHz; RAM: 16.0 GB');
});

test('writeEnvironmentFile writes environment.md with the record', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-env-'));
  try {
    const file = writeEnvironmentFile(dir, environmentRecord());
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^# Measuring environment/);
    assert.match(text, new RegExp(`onnxruntime-node \\| ${environmentRecord().onnxruntime.replace(/\./g, '\\.')}`));
    assert.deepEqual(fs.readdirSync(dir), ['environment.md']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

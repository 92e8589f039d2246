// Models whose weights live in external data files are profiled like any other (the session is created
// from the file's bytes, so onnxruntime is told the model's folder).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { profileModel } from '../../src/profile';
import { openSession } from '../../src/runtime';
import { settingsFrom } from '../../src/registry';

/** A Gemm model (W = ones 4x3) saved by python3-onnx with its weight in m.data beside m.onnx. */
function externalModel(dir: string): string {
  const script = [
    'import sys, numpy as np, onnx', 'from onnx import helper, TensorProto, numpy_helper',
    "W = numpy_helper.from_array(np.ones((4, 3), dtype=np.float32), 'W')",
    "g = helper.make_graph([helper.make_node('Gemm', ['x', 'W'], ['y'], transB=1, name='fc')], 'g',",
    "  [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, 3])], [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1, 4])], [W])",
    "m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 13)])",
    "onnx.save_model(m, sys.argv[1], save_as_external_data=True, all_tensors_to_one_file=True, location='m.data', size_threshold=0)",
  ].join('\n');
  const file = path.join(dir, 'm.onnx');
  const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(fs.existsSync(path.join(dir, 'm.data')));
  return file;
}

test('a model with external data opens from bytes with its folder, and profiles', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-extdata-'));
  try {
    const file = externalModel(dir);
    const bytes = fs.readFileSync(file);
    await assert.rejects(openSession(bytes), /external data/i);
    const s = await openSession(bytes, { externalDataDir: dir });
    const out = await s.run({ x: { type: 'float32', dims: [1, 3], data: Float32Array.from([1, 2, 3]) } });
    assert.deepEqual([...(out.y.data as Float32Array)], [6, 6, 6, 6]);
    await s.release();
    const r = await profileModel(file, settingsFrom({}), { runs: 3, warmup: 1, cold: 1 });
    assert.equal(r.inference.n, 3);
    assert.deepEqual(r.byType.map((t) => t.type), ['Gemm']);
    assert.equal(r.init.coldStart?.n, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkOutputPath } from '../../src/cli/outputPath';

test('checkOutputPath refuses the input itself, a link to it, a missing folder and a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-out-'));
  try {
    const input = path.join(dir, 'in.onnx');
    fs.writeFileSync(input, 'x');
    fs.symlinkSync(input, path.join(dir, 'link.onnx'));
    assert.throws(() => checkOutputPath('-o', input, [input]), /refusing to write over the input/);
    assert.throws(() => checkOutputPath('-o', path.join(dir, 'link.onnx'), [input]), /refusing to write over the input/);
    assert.throws(() => checkOutputPath('-o', path.join(dir, 'nope', 'x.onnx'), [input]), /does not exist/);
    assert.throws(() => checkOutputPath('-o', dir, [input]), /is a folder/);
    assert.throws(() => checkOutputPath('-o', undefined, [input]), /missing output: give -o/);
    assert.equal(checkOutputPath('-o', path.join(dir, 'out.onnx'), [input]), path.join(dir, 'out.onnx'));
    assert.equal(fs.readFileSync(input, 'utf8'), 'x');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

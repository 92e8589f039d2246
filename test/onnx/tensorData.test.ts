import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeTensor } from '../../src/onnx/decodeGraph';
import { ExternalFiles } from '../../src/onnx/external';
import { ModelFormatError } from '../../src/errors';

const ctx = { source: 'm.onnx', external: new ExternalFiles(undefined, 'm.onnx') };

test('typed fields: 8-bit floats keep one byte per value; unsupported types with values are refused, not emptied', () => {
  assert.deepEqual([...decodeTensor({ name: 'f8', dataType: 17, dims: [2], int32Data: [1, 200] }, ctx).raw!], [1, 200]);
  assert.throws(() => decodeTensor({ name: 'q4', dataType: 21, dims: [2], int32Data: [7] }, ctx),
    (e: Error) => e instanceof ModelFormatError && /model "m\.onnx": tensor "q4": data type 21 stored in typed fields \(1 values\) is not supported/.test(e.message));
  assert.equal(decodeTensor({ name: 'empty', dataType: 21, dims: [0] }, ctx).raw!.byteLength, 0);
});

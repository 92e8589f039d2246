import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelFormatError } from '../../src/errors';
import { encodeModel, readModel, writeModel } from '../../src/onnx';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-onnx-file-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const model = makeModel(makeGraph([makeNode('Add', ['x', 'W'], ['y'])], [tensorInfo('x', [4])], [tensorInfo('y', [4])],
  [floatTensor('W', [4])]));

test('writeModel writes the encoded bytes, replaces an existing file and leaves no temporary file', async () => {
  const p = path.join(dir, 'm.onnx');
  fs.writeFileSync(p, 'old contents');
  await writeModel(p, model);
  assert.deepStrictEqual(new Uint8Array(fs.readFileSync(p)), encodeModel(model));
  assert.deepStrictEqual(fs.readdirSync(dir), ['m.onnx']);
  assert.deepStrictEqual(await readModel(p), model);
});

test('writeModel failure (destination is a folder) removes its temporary file', async () => {
  const sub = path.join(dir, 'busy');
  fs.mkdirSync(path.join(sub, 'target.onnx'), { recursive: true });
  await assert.rejects(writeModel(path.join(sub, 'target.onnx'), model),
    (e: unknown) => e instanceof ModelFormatError && /target\.onnx": cannot be written/.test(e.message));
  assert.deepStrictEqual(fs.readdirSync(sub), ['target.onnx']);
});

test('writeModel into a missing folder fails with the path', async () => {
  const p = path.join(dir, 'no', 'such', 'm.onnx');
  await assert.rejects(writeModel(p, model), (e: unknown) => e instanceof ModelFormatError && e.message.includes(p));
});

test('models beyond the 2 GB protobuf limit are refused before encoding', async () => {
  const huge = { byteLength: 2 ** 31 } as Uint8Array; // never read: the size check comes first
  const big = makeModel(makeGraph([], [], [], [{ name: 'W', dataType: 1, dims: [2 ** 29], raw: huge }]));
  assert.throws(() => encodeModel(big), (e: unknown) => e instanceof ModelFormatError && /2147483648 bytes .* exceed protobuf's 2 GB limit/.test(e.message));
  const p = path.join(dir, 'big.onnx');
  await assert.rejects(writeModel(p, big), (e: unknown) => e instanceof ModelFormatError && e.message.startsWith(`model "${p}"`));
  assert.equal(fs.existsSync(p), false);
});

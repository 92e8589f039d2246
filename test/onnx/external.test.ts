import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelFormatError } from '../../src/errors';
import { decodeModel, readModel, writeModel } from '../../src/onnx';
import { FLOAT, tensorValues } from '../../src/graph/tensor';
import { bytesField, modelProto, msg, stringField, tensorProto, varintField } from '../support/protoWriter';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-onnx-external-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

const entry = (key: string, value: string): number[] => bytesField(13, msg(stringField(1, key), stringField(2, value)));

/** An initializer stored externally: TensorProto with data_location = EXTERNAL (14) and external_data entries (13). */
function externalTensor(name: string, dims: number[], kv: Record<string, string>): number[] {
  return bytesField(5, tensorProto(name, FLOAT, dims, ...Object.entries(kv).map(([k, v]) => entry(k, v)), varintField(14, 1)));
}

/** A folder with model.onnx (tensors given) and weights.bin (8 bytes of padding then 8 floats 0..7). */
function folder(name: string, tensors: number[][]): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  const data = new Uint8Array(8 + 32);
  data.set(new Uint8Array(Float32Array.from({ length: 8 }, (_, i) => i).buffer), 8);
  fs.writeFileSync(path.join(dir, 'weights.bin'), data);
  const p = path.join(dir, 'model.onnx');
  fs.writeFileSync(p, modelProto(tensors));
  return p;
}

async function refused(p: string, what: RegExp): Promise<void> {
  await assert.rejects(readModel(p), (e: unknown) => {
    assert.ok(e instanceof ModelFormatError, String(e));
    assert.ok(e.message.includes(p), e.message);
    assert.match(e.message, what);
    return true;
  });
}

test('external data is read relative to the model folder, and the reference is kept', async () => {
  const p = folder('ok', [
    externalTensor('A', [2, 2], { location: 'weights.bin', offset: '8', length: '16' }),
    externalTensor('B', [4], { location: 'weights.bin', offset: '24', length: '16', checksum: 'abc' }),
    externalTensor('C', [10], { location: 'weights.bin' }), // whole file: 40 bytes
  ]);
  const m = await readModel(p);
  const [a, b, c] = m.graph.initializers;
  assert.deepStrictEqual(Array.from(tensorValues(a) as Float32Array), [0, 1, 2, 3]);
  assert.deepStrictEqual(Array.from(tensorValues(b) as Float32Array), [4, 5, 6, 7]);
  assert.equal(c.raw!.byteLength, 40);
  assert.deepStrictEqual(a.external, { location: 'weights.bin', offset: 8, length: 16 });
  assert.deepStrictEqual(b.external, { location: 'weights.bin', offset: 24, length: 16, checksum: 'abc' });
  // written back inline: same values, no external reference, no data file needed
  const out = path.join(root, 'inline.onnx');
  await writeModel(out, m);
  const back = await readModel(out);
  assert.deepStrictEqual(back.graph.initializers.map((t) => t.external), [undefined, undefined, undefined]);
  assert.deepStrictEqual(back.graph.initializers.map((t) => Array.from(t.raw!)), m.graph.initializers.map((t) => Array.from(t.raw!)));
});

test('locations escaping the model folder are refused, naming tensor and location', async () => {
  fs.writeFileSync(path.join(root, 'outside.bin'), new Uint8Array(16));
  await refused(folder('dotdot', [externalTensor('W1', [4], { location: '../outside.bin' })]), /tensor "W1" external data "\.\.\/outside\.bin".*escapes/);
  await refused(folder('nested', [externalTensor('W2', [4], { location: 'sub/../../outside.bin' })]), /tensor "W2".*escapes/);
  await refused(folder('abs', [externalTensor('W3', [4], { location: path.join(root, 'outside.bin') })]), /tensor "W3".*escapes/);
  await refused(folder('win', [externalTensor('W4', [4], { location: '..\\outside.bin' })]), /tensor "W4".*escapes/);
  const p = folder('link', [externalTensor('W5', [4], { location: 'link.bin' })]);
  fs.symlinkSync(path.join(root, 'outside.bin'), path.join(path.dirname(p), 'link.bin'));
  await refused(p, /tensor "W5" external data "link\.bin".*outside the model's folder/);
});

test('bad ranges, missing files and bad entries are clear errors', async () => {
  await refused(folder('range', [externalTensor('R', [4], { location: 'weights.bin', offset: '32', length: '16' })]),
    /tensor "R".*offset 32 length 16 is outside the file of 40 bytes/);
  await refused(folder('offset', [externalTensor('O', [4], { location: 'weights.bin', offset: '41' })]), /tensor "O".*outside the file/);
  await refused(folder('missing', [externalTensor('M', [4], { location: 'nope.bin' })]), /tensor "M" external data "nope\.bin": cannot be found/);
  await refused(folder('noloc', [externalTensor('N', [4], { offset: '0' })]), /tensor "N" has external data without a "location"/);
  await refused(folder('badnum', [externalTensor('B', [4], { location: 'weights.bin', length: '-4' })]), /length "-4" — expected a non-negative integer/);
  await refused(folder('dir', [externalTensor('D', [4], { location: '.' })]), /tensor "D".*not a regular file/);
});

test('decodeModel without baseDir refuses external tensors', () => {
  const bytes = modelProto([externalTensor('E', [4], { location: 'weights.bin' })]);
  assert.throws(() => decodeModel(bytes, { source: 'mem.onnx' }), /model "mem\.onnx": tensor "E".*no folder to resolve it against/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelFormatError } from '../../src/errors';
import { decodeModel, encodeModel, readModel } from '../../src/onnx';
import { seededRandom } from '../../src/util/random';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';
import { sharedFile } from '../support/paths';
import { msg, varintField } from '../support/protoWriter';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-onnx-errors-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const tiny = makeModel(makeGraph([makeNode('Relu', ['x'], ['y'])], [tensorInfo('x', [1, 4])], [tensorInfo('y', [1, 4])],
  [floatTensor('unused', [64])]));

/** readModel(p) must reject with a ModelFormatError whose message names the file and matches `what`. */
async function rejects(p: string, what: RegExp): Promise<ModelFormatError> {
  let caught: unknown;
  try { await readModel(p); } catch (e) { caught = e; }
  assert.ok(caught instanceof ModelFormatError, `expected ModelFormatError for ${p}, got ${String(caught)}`);
  assert.ok(caught.message.includes(p), `message names the file: ${caught.message}`);
  assert.match(caught.message, what);
  assert.doesNotMatch(caught.message, /\n\s+at /, 'no stack trace in the message');
  return caught;
}

test('empty file', async () => {
  await rejects(file('empty.onnx', new Uint8Array(0)), /empty \(0 bytes\)/);
});

test('missing file', async () => {
  await rejects(path.join(dir, 'nope.onnx'), /cannot be read.*ENOENT/);
});

test('truncated files (half, and one byte short) keep the protobuf error as cause', async () => {
  const full = fs.readFileSync(sharedFile('models/onnx/light_squeezenet.onnx'));
  for (const [name, len] of [['half.onnx', full.length >> 1], ['short.onnx', full.length - 1]] as const) {
    const e = await rejects(file(name, full.subarray(0, len)), /not a valid ONNX protobuf \(truncated or corrupt/);
    assert.ok(e.cause instanceof Error);
  }
});

test('a JPEG, a text file and random bytes are not ONNX models', async () => {
  await rejects(file('cat.onnx', fs.readFileSync(sharedFile('data/images/cat.jpg'))), /not a valid ONNX protobuf|not an ONNX model/);
  await rejects(file('readme.onnx', fs.readFileSync(sharedFile('README.md'))), /not a valid ONNX protobuf|not an ONNX model/);
  await rejects(file('text.onnx', 'hello world\n'), /not a valid ONNX protobuf|not an ONNX model/);
  for (let seed = 0; seed < 20; seed++) {
    const rng = seededRandom(seed);
    const bytes = Uint8Array.from({ length: 1 + rng.int(4000) }, () => rng.int(256));
    await rejects(file(`random${seed}.onnx`, bytes), /not a valid ONNX protobuf|not an ONNX model|unsupported IR|no graph/);
  }
});

test('a ModelProto without graph', async () => {
  await rejects(file('nograph.onnx', msg(varintField(1, 8))), /has no graph/);
});

test('unsupported IR version and default-domain opset', async () => {
  await rejects(file('ir99.onnx', encodeModel({ ...tiny, irVersion: 99 })), /unsupported IR version 99 — expected 3\.\.10/);
  await rejects(file('ir2.onnx', encodeModel({ ...tiny, irVersion: 2 })), /unsupported IR version 2/);
  await rejects(file('opset99.onnx', encodeModel(makeModel(tiny.graph, 99))), /unsupported default-domain opset 99 — expected 1\.\.23/);
  await rejects(file('opset0.onnx', encodeModel({ ...tiny, opsetImports: [{ domain: 'ai.onnx', version: 0 }] })), /opset 0/);
  // other domains are not limited
  assert.equal(decodeModel(encodeModel({ ...tiny, opsetImports: [...tiny.opsetImports, { domain: 'com.x', version: 99 }] })).opsetImports.length, 2);
});

test('decodeModel without a source names the byte count', () => {
  assert.throws(() => decodeModel(new Uint8Array([1, 2, 3])), (e: unknown) => e instanceof ModelFormatError && /<3 bytes>/.test(e.message));
});

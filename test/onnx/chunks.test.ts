import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeModel, encodeModel, encodeModelChunks } from '../../src/onnx';
import { floatTensor, makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

test('encodeModelChunks: the chunks are the file, initializer bytes are referenced, not copied', () => {
  const w = floatTensor('W', [4, 3]), b = floatTensor('B', [4]);
  const model = makeModel(makeGraph([makeNode('Gemm', ['x', 'W', 'B'], ['y'], { transB: 1 })], [tensorInfo('x', [1, 3])], [tensorInfo('y', [1, 4])], [w, b]));
  const chunks = encodeModelChunks(model);
  assert.ok(chunks.includes(w.raw!) && chunks.includes(b.raw!), 'the tensors\' own byte arrays are chunks');
  const joined = Buffer.concat(chunks);
  assert.deepEqual(new Uint8Array(joined), encodeModel(model));
  const back = decodeModel(joined);
  assert.deepStrictEqual(back.graph.initializers.map((t) => [t.name, t.dims, [...t.raw!]]), [['W', [4, 3], [...w.raw!]], ['B', [4], [...b.raw!]]]);
  assert.deepStrictEqual(back.graph.nodes, model.graph.nodes);
});

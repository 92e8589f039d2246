import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTable, formatInspection, formatShape, humanBytes, humanCount } from '../../src/inspect/format';
import type { Inspection } from '../../src/inspect/inspect';

test('humanCount, humanBytes, formatShape', () => {
  assert.equal(humanCount(60_965_224, 'M'), '61.0 M');
  assert.equal(humanCount(724_406_816, 'G'), '0.72 G');
  assert.equal(humanCount(1_431_556_352), '1.43 G');
  assert.equal(humanCount(34_944), '34.9 k');
  assert.equal(humanCount(999), '999');
  assert.equal(humanCount(null), '?');
  assert.equal(humanBytes(3968), '3.9 KB');
  assert.equal(humanBytes(512), '512 B');
  assert.equal(humanBytes(4_947_878), '4.7 MB');
  assert.equal(formatShape([1, 'N', null]), '1xNx?');
  assert.equal(formatShape([]), 'scalar');
  assert.equal(formatShape(null), '?');
});

test('alignTable pads columns, right-aligns numbers', () => {
  assert.deepEqual(alignTable([['a', 'n'], ['long', '7'], ['b', '123']], new Set([1])), ['a       n', 'long    7', 'b     123']);
});

test('formatInspection: summary and an aligned table without constant nodes', () => {
  const ins: Inspection = {
    fileBytes: 2048, params: 60_965_224, macs: 654_560_384, opset: 9,
    opHistogram: { ConstantOfShape: 1, Conv: 1, Relu: 1 },
    nodes: [
      { name: 'w', opType: 'ConstantOfShape', outputShape: [96, 3, 11, 11], params: 0, macs: 0, constant: true },
      { name: 'conv1', opType: 'Conv', outputShape: [1, 96, 54, 54], params: 34_944, macs: 101_616_768, constant: false },
      { name: 'relu1', opType: 'Relu', outputShape: [1, 96, 54, 54], params: 0, macs: 0, constant: false },
    ],
    unknownShapeNodes: 0, unknownNodes: [],
    inputs: [{ name: 'data_0', shape: [1, 3, 224, 224], elemType: 'float32' }],
    outputs: [{ name: 'prob_1', shape: [1, 1000], elemType: 'float32' }],
  };
  const text = formatInspection(ins, { title: 'alexnet.onnx' });
  const lines = text.split('\n');
  assert.equal(lines[0], 'model    alexnet.onnx (2.0 KB)');
  assert.ok(lines.includes('params   61.0 M (60,965,224)'), text);
  assert.ok(lines.includes('MACs     0.65 G (654,560,384; Conv and Gemm/MatMul only)'), text);
  assert.ok(lines.includes('inputs   data_0 float32 [1x3x224x224]'), text);
  const table = lines.slice(lines.indexOf('') + 1, lines.indexOf('', lines.indexOf('') + 1));
  assert.deepEqual(table, [
    '#  name   op    output      params     MACs  %MACs',
    '1  conv1  Conv  1x96x54x54  34.9 k  101.6 M  15.5%',
    '2  relu1  Relu  1x96x54x54       0        0',
  ]);
  assert.match(text, /1 constant node\(s\) not listed/);
  assert.match(formatInspection(ins, { showConstants: true }), /w +ConstantOfShape +96x3x11x11/);
});

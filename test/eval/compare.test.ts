import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEvaluations } from '../../src/eval/compare';
import type { EvalRecord } from '../../src/eval/types';

const rec = (file: string, label: number, top: number[]): EvalRecord => ({ file, label, top5: top, top5Prob: top.map(() => 0.1), pTrue: 0.1 });

test('compareEvaluations: changes each way, McNemar, agreement, unpaired images', () => {
  const a = [rec('1', 0, [0, 1]), rec('2', 1, [1, 0]), rec('3', 2, [2, 0]), rec('4', 0, [1, 2]), rec('5', 0, [0]), rec('only-a', 0, [0])];
  const b = [rec('1', 0, [0, 1]), rec('2', 1, [0, 1]), rec('3', 2, [1, 2]), rec('4', 0, [0, 2]), rec('5', 0, [1, 2]), rec('only-b', 0, [0])];
  const p = compareEvaluations({ records: a }, { records: b });
  assert.equal(p.n, 5);
  assert.deepStrictEqual(p.unpaired, { onlyInA: 1, onlyInB: 1 });
  // top-1: 1 both right; 2, 3, 5 lost; 4 gained.
  assert.deepStrictEqual([p.top1.bothCorrect, p.top1.onlyA, p.top1.onlyB, p.top1.bothWrong], [1, 3, 1, 0]);
  assert.equal(p.top1.mcnemar.b, 3); assert.equal(p.top1.mcnemar.c, 1);
  assert.equal(p.top1.mcnemar.exactP, 0.625); // 2 * P(X <= 1), X ~ Bin(4, 1/2) = 2 * 5/16
  assert.ok(Math.abs(p.top1.delta - (2 / 5 - 4 / 5)) < 1e-12);
  // top-5 (lists shorter than 5 here): 5 is lost, 4 gained.
  assert.deepStrictEqual([p.top5.bothCorrect, p.top5.onlyA, p.top5.onlyB, p.top5.bothWrong], [3, 1, 1, 0]);
  assert.equal(p.top1Agreement, 1 / 5);
  assert.equal(compareEvaluations({ records: a }, { records: a }).top1Agreement, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialHalfCdf, erfc, mcnemar, wilson } from '../../src/eval/stats';
import { looksLikeProbabilities, softmax, topK } from '../../src/eval/scores';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('wilson: textbook values and edges', () => {
  const [lo, hi] = wilson(70, 100);
  close(lo, 0.6041, 1e-4, 'low'); close(hi, 0.7810, 1e-4, 'high');
  const [l0, h0] = wilson(0, 10);
  assert.equal(l0, 0); close(h0, 0.2775, 1e-4, 'high at 0/10');
  assert.deepStrictEqual(wilson(0, 0), [0, 1]);
  const [l1, h1] = wilson(10, 10);
  close(l1, 0.7225, 1e-4, 'low at 10/10'); close(h1, 1, 1e-12, 'high at 10/10');
});

test('erfc and the binomial tail', () => {
  close(erfc(0), 1, 1e-7, 'erfc(0)'); close(erfc(1), 0.157299207, 1e-7, 'erfc(1)'); close(erfc(-1), 1.842700793, 1e-7, 'erfc(-1)');
  assert.equal(binomialHalfCdf(1, 3), 0.5);
  close(binomialHalfCdf(3, 15), 576 / 32768, 1e-12, 'P(X<=3), n=15');
  close(binomialHalfCdf(1000, 2000), 0.5 + 0.5 * Math.exp(-2000 * Math.LN2 + lnChoose(2000, 1000)), 1e-9, 'n=2000');
});

function lnChoose(n: number, k: number): number { let s = 0; for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i); return s; }

test('mcnemar: exact binomial and chi-square with continuity correction', () => {
  const m = mcnemar(3, 12);
  close(m.exactP, 2 * 576 / 32768, 1e-12, 'exact p');
  close(m.chiSquare, 64 / 15, 1e-12, 'chi-square');
  close(m.chiSquareP, 0.03887, 1e-4, 'chi-square p');
  assert.equal(m.method, 'exact'); assert.equal(m.p, m.exactP);
  const big = mcnemar(40, 20);
  assert.equal(big.method, 'chi-square');
  close(big.chiSquare, 19 * 19 / 60, 1e-12, 'chi-square 40/20');
  close(big.p, 0.01425, 1e-4, 'p 40/20');
  assert.deepStrictEqual([mcnemar(0, 0).p, mcnemar(5, 5).exactP, mcnemar(5, 5).chiSquare], [1, 1, 0]);
});

test('softmax, probability detection, top-k', () => {
  const s = softmax([1, 2, 3]);
  close(s[2], Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 1e-12, 'softmax');
  close(softmax([1000, 1000])[0], 0.5, 0, 'stable for large logits');
  assert.ok(looksLikeProbabilities([0.2, 0.3, 0.5]));
  assert.ok(!looksLikeProbabilities([0.2, 0.3, 0.4]), 'not summing to 1');
  assert.ok(!looksLikeProbabilities([-0.5, 1.5]), 'outside [0, 1]');
  assert.deepStrictEqual(topK([0.1, 0.7, 0.2, 0.7, NaN], 3), [1, 3, 2]);
  assert.deepStrictEqual(topK([5, 4], 5), [0, 1]);
});

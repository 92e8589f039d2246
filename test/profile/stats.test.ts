import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapMedianCI, mean, median, quantile, std, timingStats } from '../../src/profile/stats';

test('quantile interpolates linearly between order statistics (numpy default)', () => {
  const xs = [4, 1, 3, 2];
  assert.equal(quantile(xs, 0), 1);
  assert.equal(quantile(xs, 1), 4);
  assert.equal(quantile(xs, 0.5), 2.5);
  assert.equal(quantile(xs, 0.25), 1.75);
  assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9), 10);
  assert.equal(median([5, 1, 3]), 3);
  assert.throws(() => quantile([], 0.5), /empty sample/);
  assert.throws(() => quantile([1], 1.5), /invalid q: 1.5/);
});

test('mean and sample standard deviation', () => {
  assert.equal(mean([1, 2, 3, 6]), 3);
  assert.equal(std([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
  assert.equal(std([7]), 0);
});

test('bootstrap CI of the median: seeded, reproducible, inside the range, degenerate for a constant sample', () => {
  const xs = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const a = bootstrapMedianCI(xs, { seed: 5 });
  assert.deepStrictEqual(bootstrapMedianCI(xs, { seed: 5 }), a);
  assert.ok(a[0] >= 10 && a[0] <= 15 && a[1] >= 15 && a[1] <= 20, `CI ${a}`);
  assert.ok(a[0] < a[1]);
  assert.notDeepStrictEqual(bootstrapMedianCI(xs, { seed: 6, resamples: 50 }), bootstrapMedianCI(xs, { seed: 7, resamples: 50 }));
  assert.deepStrictEqual(bootstrapMedianCI([3, 3, 3], { seed: 1 }), [3, 3]);
});

test('timingStats on exact inputs keeps samples in run order', () => {
  const s = timingStats([5, 1, 4, 2, 3], { seed: 0 });
  assert.deepStrictEqual({ ...s, ci95: undefined }, {
    n: 5, min: 1, max: 5, median: 3, mean: 3, p90: 4.6, iqr: 2, std: Math.sqrt(2.5), ci95: undefined, samples: [5, 1, 4, 2, 3],
  });
  assert.ok(s.ci95[0] >= 1 && s.ci95[1] <= 5);
  assert.throws(() => timingStats([]), /no samples/);
});

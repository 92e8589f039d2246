// The cost-against-contribution scatter: golden spec, error bars from the intervals.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { ablationScatter } from '../../src/report/figures';
import { assertGolden } from '../support/golden';

const golden = path.resolve(__dirname, '../../../test/report/golden');

test('ablationScatter: one trace per group, asymmetric error bars in x (time CI) and y (paired accuracy CI)', () => {
  const fig = ablationScatter([
    { label: 'bypass node norm1', savedMs: 0.097, savedCi95: [0.08, 0.11], savedPct: 28.4, lossPct: 17.8, lossCi95: [15.2, 20.4], group: 'cifar10_full' },
    { label: 'bypass node norm2', savedMs: 0.061, savedCi95: [0.05, 0.07], savedPct: 17.9, lossPct: 3.8, lossCi95: [2.3, 5.3], group: 'cifar10_full' },
    { label: 'bypass node relu1', savedMs: 0.27, savedCi95: [0.2, 0.35], lossPct: 16, lossCi95: [14, 18], group: 'squeezenet1.1' },
  ], { title: 'Time saved against accuracy lost', labels: true });
  assert.equal(fig.data.length, 2);
  const t = fig.data[0] as unknown as { error_x: { array: number[]; arrayminus: number[] }; error_y: { array: number[]; arrayminus: number[] } };
  assert.deepEqual(t.error_x.array, [0.013, 0.009]);
  assert.deepEqual(t.error_x.arrayminus, [0.017, 0.011]);
  assert.deepEqual(t.error_y.array, [2.6, 1.5]);
  assertGolden(path.join(golden, 'ablation-scatter.json'), fig);
});

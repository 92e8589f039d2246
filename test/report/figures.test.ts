// Chart specs are plain data: golden snapshots (numbers rounded) plus the facts each chart must show.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { categoryPie, categoryStackedBars, foldSmallShares, nodeWaterfall, timingBars, topNodesBars, waterfallRows } from '../../src/report/figures';
import { projectRoot } from '../../src/registry/settings';
import { assertGolden } from '../support/golden';
import { alexnetFixture, googlenetFixture, ninFixture, stats } from './fixtures';

const golden = (name: string) => path.join(projectRoot(), 'test', 'report', 'golden', `${name}.json`);

test('categoryPie: one slice per category over 1%, the small ones folded into "other (< 1%)"', () => {
  const fig = categoryPie(alexnetFixture().byCategory, { title: 'AlexNet' });
  const pie = fig.data[0] as unknown as { labels: string[]; values: number[] };
  assert.deepEqual(pie.labels, ['convolution', 'fully connected', 'normalization', 'pooling', 'other (< 1%)']);
  assert.equal(pie.values[0], 40);
  assert.equal(pie.values[4], 0.7); // relu 0.5 + softmax 0.2
  assertGolden(golden('pie-alexnet'), fig);
});

test('foldSmallShares keeps totals', () => {
  const s = foldSmallShares(alexnetFixture().byCategory, 5);
  const sum = (xs: { pct: number }[]) => xs.reduce((a, x) => a + x.pct, 0);
  assert.ok(Math.abs(sum(s) - 100) < 1e-9);
  assert.equal(s.at(-1)!.type, 'other (< 5%)');
  assert.equal(s.at(-1)!.count, 4); // normalization 4.1%, pooling, relu, softmax
});

test('categoryStackedBars: one bar per network, one trace per category, each bar sums to 100%', () => {
  const series = [alexnetFixture(), ninFixture(), googlenetFixture()].map((r) => ({ name: r.model.name, shares: r.byCategory }));
  const fig = categoryStackedBars(series, { title: 'Share of inference time by layer type' });
  assert.equal(fig.layout.barmode, 'stack');
  const traces = fig.data as unknown as { name: string; x: string[]; y: number[] }[];
  assert.equal(traces[0].name, 'convolution');
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(traces.reduce((a, t) => a + t.y[i], 0) - 100) < 0.05, `bar ${i}`);
  assert.deepEqual(traces.find((t) => t.name === 'cccp')!.y, [0, 21.89, 0]);
  assertGolden(golden('stacked-networks'), fig);
});

test('timingBars: panels side by side, asymmetric error bars from the 95% interval', () => {
  const fig = timingBars([
    { group: 'alexnet', series: '1 thread', panel: 'initialization', stats: { median: 50 } },
    { group: 'alexnet', series: '1 thread', panel: 'inference', stats: stats(20, 19, 23) },
    { group: 'alexnet', series: '2 threads', panel: 'inference', stats: stats(12, 11.5, 12.25) },
  ], { title: 'Time per network' });
  const [init, inf1, inf2] = fig.data as unknown as { name: string; xaxis: string; showlegend: boolean; error_y: { array: number[]; arrayminus: number[]; visible: boolean } }[];
  assert.equal(init.xaxis, 'x');
  assert.equal(init.error_y.visible, false);
  assert.equal(inf1.xaxis, 'x2');
  assert.equal(inf1.showlegend, false); // "1 thread" is already in the legend from the first panel
  assert.equal(inf2.showlegend, true);
  assert.deepEqual([inf1.error_y.arrayminus[0], inf1.error_y.array[0]], [1, 3]);
  assert.deepEqual([inf2.error_y.arrayminus[0], inf2.error_y.array[0]], [0.5, 0.25]);
  assertGolden(golden('timing-bars'), fig);
});

test('waterfallRows: back to back without start times, relative start times with them', () => {
  const plain = waterfallRows(alexnetFixture().nodes);
  assert.deepEqual(plain.slice(0, 3).map((r) => r.startMs), [0, 12, 15]);
  const timed = waterfallRows(alexnetFixture({ timed: true }).nodes);
  assert.deepEqual(timed.slice(0, 3).map((r) => Math.round(r.startMs * 1000) / 1000), [0, 12.1, 15.2]);
});

test('nodeWaterfall: one horizontal trace per op type, first node at the top', () => {
  const fig = nodeWaterfall(alexnetFixture({ timed: true }).nodes, { title: 'AlexNet: one run' });
  const traces = fig.data as unknown as { name: string; orientation: string; y: string[]; base: number[]; x: number[] }[];
  assert.deepEqual(traces.map((t) => t.name), ['Conv', 'LRN', 'MaxPool', 'Gemm', 'Relu', 'Softmax']);
  assert.ok(traces.every((t) => t.orientation === 'h'));
  assert.deepEqual(traces[3].y, ['fc6', 'fc7']);
  assert.deepEqual((fig.layout.yaxis as { categoryarray: string[] }).categoryarray.slice(0, 3), ['conv1', 'norm1', 'pool1']);
  assertGolden(golden('waterfall-alexnet'), fig);
});

test('topNodesBars: the n most expensive nodes, largest first', () => {
  const fig = topNodesBars(alexnetFixture().byNode, { title: 'AlexNet: top 3', n: 3 });
  assert.deepEqual((fig.layout.yaxis as { categoryarray: string[] }).categoryarray, ['fc6', 'conv2', 'conv1']);
  assertGolden(golden('top-nodes-alexnet'), fig);
});

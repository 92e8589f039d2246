// The study's statements judged on hand-built measurements with known answers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadPublished, type PublishedStatement } from '../../src/study/published';
import { categoryShare, energyVerdicts, judgeStatement, judgeStatements, type NetworkMeasurement } from '../../src/study/statements';
import { alexnetFixture, googlenetFixture, ninFixture, profileFixture } from '../report/fixtures';

const m = (r: ReturnType<typeof alexnetFixture>): NetworkMeasurement => ({ network: r.model.name, byCategory: r.byCategory, byNode: r.byNode });
const pub = loadPublished();
const byId = (id: string) => pub.statements.find((s) => s.id === id)!;
const all = [m(alexnetFixture()), m(ninFixture()), m(googlenetFixture())];

test('convolution share: holds when the largest share is within 70% ± 10 points', () => {
  const v = judgeStatement(byId('conv-share'), all);
  assert.equal(v.verdict, 'holds'); // nin: 70 / 100.5 = 69.7%
  assert.match(v.detail, /69\.7% \(nin\)/);
  const low = judgeStatement(byId('conv-share'), [m(alexnetFixture()), m(googlenetFixture()), m(profileFixture('nin', [['c', 'Conv', 'convolution', 1], ['p', 'MaxPool', 'pooling', 1]]))]);
  assert.equal(low.verdict, 'does not hold'); // largest 55.0% (alexnet)
  assert.match(low.detail, /55\.0% \(alexnet\)/);
});

test('AlexNet\'s most expensive node: fully connected holds, convolution does not', () => {
  const v = judgeStatement(byId('alexnet-top-layer-fc'), all);
  assert.equal(v.verdict, 'holds');
  assert.match(v.detail, /fc6 \(fully connected, 20\.00 ms/);
  assert.match(v.detail, /most expensive convolution node is conv2/);
  const convTop = profileFixture('alexnet', [['conv1', 'Conv', 'convolution', 30], ['fc6', 'Gemm', 'fully connected', 20]]);
  assert.equal(judgeStatement(byId('alexnet-top-layer-fc'), [m(convTop)]).verdict, 'does not hold');
});

test('NIN cccp share 22-23% ± 5 points; cccp found by layer name when the categories lack it', () => {
  const v = judgeStatement(byId('nin-cccp-share'), all);
  assert.equal(v.verdict, 'holds');
  assert.equal(v.measured, 'nin 21.9%');
  const noCat = { network: 'nin', byCategory: [], byNode: ninFixture().byNode.map((n) => ({ ...n, category: 'convolution', caffeLayer: n.node })) };
  assert.ok(Math.abs(categoryShare(noCat, 'cccp') - 21.89) < 0.01);
});

test('GoogLeNet LRN share: 12% is outside 59% ± 10 (PC) and inside 16% ± 10 (phone)', () => {
  const [pc, phone] = judgeStatements([byId('googlenet-lrn-share-pc'), byId('googlenet-lrn-share-phone')], all, '2 threads');
  assert.equal(pc.verdict, 'does not hold');
  assert.equal(phone.verdict, 'holds');
  assert.equal(pc.config, '2 threads');
  assert.match(pc.detail, /12\.0% of googlenet's node time here, outside 49-69%/);
});

test('a statement whose network was not measured is "not measured"; an unknown kind throws', () => {
  assert.equal(judgeStatement(byId('nin-cccp-share'), [m(alexnetFixture())]).verdict, 'not measured');
  assert.throws(() => judgeStatement({ ...byId('nin-cccp-share'), kind: 'median' } as unknown as PublishedStatement, all), /invalid statement kind: median/);
});

test('energy figures are reported as not measured, with the published number', () => {
  const v = energyVerdicts(pub.energy);
  assert.deepEqual(v.map((x) => x.published), ['4.05 J', '3.65 J', '5.63 J']);
  assert.ok(v.every((x) => x.verdict === 'not measured'));
});

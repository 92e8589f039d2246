// Data frames from the profiler's records (danfojs-node), and their HTML tables.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { frameHtml, nodesFrame, rowsFrame, sharesFrame, studyTableFrame, verdictsFrame } from '../../src/report/frames';
import { loadPublished } from '../../src/study/published';
import { judgeStatements } from '../../src/study/statements';
import { studyTableRows } from '../../src/study/table';
import { alexnetFixture, ninFixture } from './fixtures';

test('sharesFrame: one row per share, largest first', () => {
  const df = sharesFrame(alexnetFixture().byCategory);
  assert.deepEqual(df.columns, ['type', 'ms', 'pct', 'count']);
  assert.equal(df.shape[0], 6);
  const rows = df.values as unknown as (string | number)[][];
  assert.deepEqual(rows[0].slice(0, 2), ['convolution', 40]);
  assert.equal(rows[0][3], 3);
});

test('nodesFrame: most expensive node first, with its output shape', () => {
  const rows = nodesFrame(alexnetFixture().byNode).values as unknown as (string | number)[][];
  assert.equal(rows[0][0], 'fc6');
  assert.equal(rows[0][6], '1x8x4x4');
});

test('studyTableFrame: measured columns beside the study\'s, "not in our sources" where we have none', () => {
  const pub = loadPublished();
  const rows = studyTableRows([{ network: 'alexnet', config: '1 thread', result: alexnetFixture() }], pub);
  const df = studyTableFrame(rows);
  const row = (df.values as unknown as (string | number)[][])[0];
  const col = (c: string) => row[(df.columns as string[]).indexOf(c)];
  assert.equal(col('network'), 'alexnet');
  assert.equal(col('modelSizeMiB'), 3);
  assert.equal(col('studyPcInferenceMs'), 'not in our sources');
  assert.equal(col('studyNexus7InitMs'), 'not in our sources');
});

test('verdictsFrame and frameHtml: escaped HTML table', () => {
  const pub = loadPublished();
  const v = judgeStatements(pub.statements, [{ network: 'nin', byCategory: ninFixture().byCategory, byNode: ninFixture().byNode }], '1 thread');
  const html = frameHtml(verdictsFrame(v));
  assert.match(html, /^<table><thead><tr><th>config<\/th><th>id<\/th>/);
  assert.match(html, /<td>nin-cccp-share<\/td><td>holds<\/td>/);
  assert.equal(frameHtml(rowsFrame([{ a: '<b>' }], ['a'])), '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>');
});

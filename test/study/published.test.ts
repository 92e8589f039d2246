// The study's published figures: every figure has a source; the table has no invented numbers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadPublished, NOT_IN_SOURCES, publishedCell } from '../../src/study/published';

test('the published table shows "not in our sources" for every figure we do not have', () => {
  const pub = loadPublished();
  assert.equal(pub.table.length, 6);
  for (const net of ['alexnet', 'nin', 'googlenet']) for (const p of ['pc', 'nexus7']) {
    assert.equal(publishedCell(pub, net, p, 'inferenceMs'), NOT_IN_SOURCES);
  }
  assert.deepEqual(pub.energy.map((e) => e.joulesPerInference), [4.05, 3.65, 5.63]);
});

test('a figure without a known source is refused', () => {
  const pub = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../models/study-2016.json'), 'utf8'));
  pub.table[0].inferenceMs = 123;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-pub-')), 'study.json');
  fs.writeFileSync(file, JSON.stringify(pub));
  assert.throws(() => loadPublished(file), /alexnet\/pc has figures but no known source/);
});

// The study's measurement turned into table, verdicts, figures and speed-ups (on hand-built profiles).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { projectRoot } from '../../src/registry/settings';
import { studyFigures } from '../../src/study/figures';
import { judgeProfiles, speedupRows, threadsLabel, type StudyProfile } from '../../src/study/measure';
import { loadPublished } from '../../src/study/published';
import { verdictSummary } from '../../src/study/statements';
import { flattenStudyRow, studyTableMarkdown } from '../../src/study/table';
import { assertGolden } from '../support/golden';
import { alexnetFixture, googlenetFixture, ninFixture, stats } from '../report/fixtures';

const profiles: StudyProfile[] = [1, 2].flatMap((threads) => [alexnetFixture({ threads }), ninFixture({ threads }), googlenetFixture({ threads })].map((r) => {
  if (threads === 2) r.inference = stats(r.inference.median / 1.6, r.inference.median / 1.7, r.inference.median / 1.5);
  return { network: r.model.name, config: threadsLabel(threads), threads, result: r };
}));

test('judgeProfiles: one table row per profile, every statement judged per configuration', () => {
  const { table, verdicts } = judgeProfiles(profiles, loadPublished());
  assert.equal(table.length, 6);
  assert.equal(verdicts.length, 10);
  assert.deepEqual(verdicts.filter((v) => v.config === '1 thread').map((v) => v.verdict), ['holds', 'holds', 'holds', 'does not hold', 'holds']);
  assert.equal(flattenStudyRow(table[0]).studyNexus7ModelSizeMB, 'not in our sources');
  assert.match(studyTableMarkdown(table), /\| alexnet \| 1 thread \| 3\.0 MiB \| 50\.0 ms \|/);
  const summary = verdictSummary(verdicts);
  assert.match(summary, /^1 thread — of the study's 5 statements on layer shares\nholds \(4\):/);
  assert.match(summary, /does not hold \(1\):\n {2}- LRN takes about 59% of GoogLeNet's inference time on the PC\. Here: normalization takes 12\.0%/);
});

test('speedupRows: 2 threads against 1', () => {
  const rows = speedupRows(profiles);
  assert.deepEqual(rows.map((r) => [r.network, r.config, r.speedup]), [['alexnet', '2 threads', 1.6], ['nin', '2 threads', 1.6], ['googlenet', '2 threads', 1.6]]);
});

test('studyFigures: the study\'s chart set, named for its files', () => {
  const figs = studyFigures(profiles);
  assert.deepEqual(figs.map((f) => f.name), ['shares-networks', 'shares-threads', 'times', 'pie-alexnet', 'pie-nin', 'pie-googlenet',
    'top-nodes-alexnet', 'waterfall-alexnet', 'waterfall-nin', 'waterfall-googlenet']);
  const threads = figs[1].figure.data[0] as unknown as { x: string[] };
  assert.deepEqual(threads.x, ['AlexNet, 1 thread', 'AlexNet, 2 threads', 'NIN, 1 thread', 'NIN, 2 threads', 'GoogLeNet, 1 thread', 'GoogLeNet, 2 threads']);
  assertGolden(path.join(projectRoot(), 'test', 'report', 'golden', 'study-times.json'), figs[2].figure);
});

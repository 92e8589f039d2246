// The main job on a small scale: NIN only, 1 thread, 3 runs: every file of the report folder is written.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { settingsFrom } from '../../src/registry';
import { CHROMIUM } from '../../src/report/render';
import { reproduceStudy } from '../../src/study/reproduce';
import { sharedDir } from '../support/paths';

test('reproduceStudy writes the table, verdicts, charts and pages', { timeout: 180_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-study-'));
  const charts = fs.existsSync(CHROMIUM);
  try {
    const r = await reproduceStudy(dir, settingsFrom({ LAYERLAB_DATA: sharedDir(), LAYERLAB_CACHE: process.env.LAYERLAB_CACHE }),
      { networks: ['nin'], runs: 3, warmup: 1, threads: [1], cold: 0, charts });
    for (const f of ['README.md', 'index.html', 'table.csv', 'table.json', 'verdicts.csv', 'verdicts.json', 'shares.csv', 'nodes.csv', 'profiles.json', 'figures.json', 'environment.json']) {
      assert.ok(fs.existsSync(path.join(dir, f)), `${f} missing`);
    }
    assert.equal(r.measurement.table.length, 1);
    assert.ok(r.measurement.table[0].inferenceMs > 0);
    const cccp = r.measurement.verdicts.find((v) => v.id === 'nin-cccp-share')!;
    assert.ok(cccp.verdict === 'holds' || cccp.verdict === 'does not hold', cccp.verdict);
    assert.equal(r.measurement.verdicts.find((v) => v.id === 'alexnet-top-layer-fc')!.verdict, 'not measured');
    const csv = fs.readFileSync(path.join(dir, 'table.csv'), 'utf8').split('\n');
    assert.equal(csv[0], 'network,config,modelSizeMiB,initMs,inferenceMs,inferenceCi95,runs,studyPcModelSizeMB,studyPcInitMs,studyPcInferenceMs,studyNexus7ModelSizeMB,studyNexus7InitMs,studyNexus7InferenceMs');
    assert.match(csv[1], /^nin,1 thread,.*,not in our sources,not in our sources,not in our sources,not in our sources,not in our sources,not in our sources$/);
    assert.match(r.markdown, /NIN's 1x1 cccp layers take 22-23% of the inference time\. \| 22-23% \| \*\*(holds|does not hold)\*\* \| cccp takes \d+\.\d%/);
    if (charts) {
      assert.ok(fs.existsSync(path.join(dir, 'waterfall-nin.png')));
      assert.match(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), /<figure><svg [^>]*>[\s\S]*NIN: one run, node by node/);
    } else {
      assert.match(r.chartsSkipped ?? '', /Chromium not found/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openReportFolder } from '../../src/study/reportFolder';

test('a report is staged beside its folder: abort leaves the old report, commit replaces it whole', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'll-report-'));
  try {
    const dir = path.join(root, 'study');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'README.md'), 'old report');
    fs.writeFileSync(path.join(dir, 'old-chart.png'), 'x');
    const failed = openReportFolder(dir);
    failed.write('README.md', 'half a report');
    failed.abort();
    assert.deepEqual(fs.readdirSync(root), ['study'], 'no staging folder left');
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), 'old report');
    const ok = openReportFolder(dir);
    ok.writeJson('table.json', [{ a: 1 }]);
    ok.write('README.md', 'new report');
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), 'old report', 'nothing changes before commit');
    assert.equal(ok.commit(), dir);
    assert.deepEqual(fs.readdirSync(root), ['study']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['README.md', 'environment.json', 'environment.md', 'table.json']);
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), 'new report');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8')).results, [{ a: 1 }]);
    const fresh = openReportFolder(path.join(root, 'new', 'report'));
    fresh.commit();
    assert.ok(fs.existsSync(path.join(root, 'new', 'report', 'environment.md')));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

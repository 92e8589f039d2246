/**
 * Golden-file snapshots for plain-data values (chart specs, parsed records), Observable Plot's habit:
 * numbers are rounded before comparing; when the value differs, `<name>-changed.json` is written beside
 * the golden file and the assertion fails. A missing golden file is created only when
 * LAYERLAB_UPDATE_GOLDEN=1 (otherwise the test fails, so CI never passes on a file it just wrote).
 *
 * @example
 * assertGolden(path.join(goldenDir, 'pie.json'), categoryPie(shares, { title: 't' }));
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';

/** Round every number to `digits` decimals (and -0 to 0), recursively. */
export function roundNumbers(value: unknown, digits = 3): unknown {
  const f = 10 ** digits;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * f) / f + 0 : value;
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)]));
  return value;
}

export function assertGolden(file: string, value: unknown, digits = 3): void {
  const actual = JSON.stringify(roundNumbers(value, digits), null, 2) + '\n';
  const changed = file.replace(/\.json$/, '-changed.json');
  if (!fs.existsSync(file)) {
    if (process.env.LAYERLAB_UPDATE_GOLDEN === '1') { fs.writeFileSync(file, actual); return; }
    fs.writeFileSync(changed, actual);
    assert.fail(`golden file ${file} is missing — wrote ${changed}; review it and rename it (or run with LAYERLAB_UPDATE_GOLDEN=1)`);
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected === actual) { fs.rmSync(changed, { force: true }); return; }
  fs.writeFileSync(changed, actual);
  assert.equal(actual, expected, `${file} differs — the new value is in ${changed}`);
}

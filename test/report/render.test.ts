// Headless rendering: a small figure to PNG and SVG through Debian's Chromium, and the notebook's PNG display.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { categoryStackedBars } from '../../src/report/figures';
import { closeNotebookRenderer, showFigure } from '../../src/report/notebook';
import { CHROMIUM, decodeDataUrl, openRenderer } from '../../src/report/render';
import { alexnetFixture, ninFixture } from './fixtures';

const fig = categoryStackedBars([{ name: 'alexnet', shares: alexnetFixture().byCategory }, { name: 'nin', shares: ninFixture().byCategory }], { title: 'Render check' });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): [number, number] {
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('decodeDataUrl: base64 and percent-encoded', () => {
  assert.equal(decodeDataUrl('data:image/svg+xml,%3Csvg%3E').toString(), '<svg>');
  assert.deepEqual([...decodeDataUrl('data:image/png;base64,AAEC')], [0, 1, 2]);
  assert.throws(() => decodeDataUrl('oops'), /no data URL/);
});

test('a figure renders to a real PNG and an SVG with its text', { skip: fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (scripts/setup.sh)`, timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-render-'));
  const t0 = Date.now();
  const r = await openRenderer();
  try {
    const [png, svg] = await r.toFiles(fig, path.join(dir, 'bars'), ['png', 'svg'], { width: 400, height: 300, scale: 2 });
    const bytes = fs.readFileSync(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(pngSize(bytes), [800, 600]);
    assert.ok(bytes.length > 5000, `PNG of ${bytes.length} bytes is too small to hold a chart`);
    const text = fs.readFileSync(svg, 'utf8');
    assert.match(text, /^<svg /);
    for (const s of ['Render check', 'convolution', 'cccp', 'alexnet', 'nin']) assert.ok(text.includes(s), `SVG lacks "${s}"`);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['bars.png', 'bars.svg']); // no temporary files left
    const display: string[] = [];
    await showFigure(fig, { display: { png: (b) => display.push(`png ${pngSize(Buffer.from(b)).join('x')}`), svg: () => display.push('svg'), html: () => display.push('html') } });
    assert.deepEqual(display, [`png ${(fig.layout as { width: number }).width}x480`]);
  } finally {
    await r.close();
    await closeNotebookRenderer();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(Date.now() - t0 < 40_000, `rendering took ${Date.now() - t0} ms`);
});

/**
 * Figure specs to PNG and SVG files, headless: Debian's Chromium driven by playwright-core (the only
 * importer of playwright-core), with the plotly.js-dist bundle loaded from node_modules (no network).
 * One browser serves many figures; close it when done.
 *
 * @example
 * const r = await openRenderer();
 * try { await r.toFiles(fig, 'reports/study/alexnet-pie', ['png', 'svg']); } finally { await r.close(); }
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LayerlabError, UsageError } from '../errors';
import type { Figure } from './figures';
import { writeFileAtomic } from '../util/atomicWrite';


export type ImageFormat = 'png' | 'svg';

export interface RenderOptions { width?: number; height?: number; scale?: number }

export interface Renderer {
  /** The figure as an image: PNG bytes or SVG text. */
  render(fig: Figure, format: 'png', opts?: RenderOptions): Promise<Buffer>;
  render(fig: Figure, format: 'svg', opts?: RenderOptions): Promise<string>;
  /** Writes `<base>.png` / `<base>.svg` atomically; returns the paths written. */
  toFiles(fig: Figure, base: string, formats?: ImageFormat[], opts?: RenderOptions): Promise<string[]>;
  close(): Promise<void>;
}

export const CHROMIUM = process.env.LAYERLAB_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Path of the plotly.js bundle shipped by the plotly.js-dist package. */
export function plotlyBundlePath(): string {
  return require.resolve('plotly.js-dist/plotly.js');
}


/** Decode the data URL `Plotly.toImage` returns. */
export function decodeDataUrl(url: string): Buffer {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new LayerlabError(`render: Plotly.toImage returned no data URL — got "${url.slice(0, 40)}"`);
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
}

/**
 * Start headless Chromium with a fresh profile folder and a page holding the plotly bundle.
 * @throws UsageError when Chromium is missing (hint: `scripts/setup.sh` installs Debian's chromium).
 */
export async function openRenderer(opts: { executablePath?: string } = {}): Promise<Renderer> {
  const exe = opts.executablePath ?? CHROMIUM;
  if (!fs.existsSync(exe)) throw new UsageError(`render: Chromium not found at ${exe} — install Debian's chromium (scripts/setup.sh) or set LAYERLAB_CHROMIUM`);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-chromium-'));
  let context: import('playwright-core').BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: exe, headless: true, args: CHROMIUM_ARGS, offline: true });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw new LayerlabError(`render: cannot start Chromium ${exe} — ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  let page: import('playwright-core').Page;
  try {
    page = context.pages()[0] ?? await context.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="fig"></div></body></html>');
    await page.addScriptTag({ path: plotlyBundlePath() });
  } catch (e) {
    // the browser and its profile folder must not outlive a failed start
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
    throw new LayerlabError(`render: cannot prepare the chart page in Chromium ${exe} — ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }

  async function image(fig: Figure, format: ImageFormat, o: RenderOptions = {}): Promise<Buffer> {
    const layout = fig.layout as { width?: number; height?: number };
    const arg = { fig, format, width: o.width ?? layout.width ?? 700, height: o.height ?? layout.height ?? 450, scale: o.scale ?? (format === 'png' ? 2 : 1) };
    const url = await page.evaluate(async (a) => {
      const g = globalThis as unknown as { Plotly: any; document: any };
      const div = g.document.getElementById('fig');
      g.Plotly.purge(div);
      await g.Plotly.newPlot(div, a.fig.data, { ...a.fig.layout, width: a.width, height: a.height }, { staticPlot: true });
      return g.Plotly.toImage(div, { format: a.format, width: a.width, height: a.height, scale: a.scale }) as Promise<string>;
    }, arg);
    return decodeDataUrl(url);
  }

  const renderer = {
    async render(fig: Figure, format: ImageFormat, o?: RenderOptions) {
      const buf = await image(fig, format, o);
      return format === 'svg' ? buf.toString('utf8') : buf;
    },
    async toFiles(fig: Figure, base: string, formats: ImageFormat[] = ['png', 'svg'], o?: RenderOptions) {
      const out: string[] = [];
      for (const f of formats) out.push(writeFileAtomic(`${base}.${f}`, await image(fig, f, o)));
      return out;
    },
    async close() {
      try { await context.close(); } finally { fs.rmSync(profile, { recursive: true, force: true }); }
    },
  };
  return renderer as Renderer;
}

/**
 * Render a few figures to files with one browser, then close it.
 * @example await renderFigureFiles([[fig, 'out/pie']], ['png', 'svg'])
 */
export async function renderFigureFiles(items: [Figure, string][], formats: ImageFormat[] = ['png', 'svg']): Promise<string[]> {
  const r = await openRenderer();
  try {
    const out: string[] = [];
    for (const [fig, base] of items) out.push(...await r.toFiles(fig, base, formats));
    return out;
  } finally {
    await r.close();
  }
}

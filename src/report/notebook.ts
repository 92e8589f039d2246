/**
 * Figures and frames shown inline in tslab notebooks.
 *
 * Default `png`: the figure is rendered headless (render.ts) and sent as `image/png`, the one rich type
 * Jupyter's classic notebook shows in an *untrusted* notebook — an executed notebook opened later,
 * offline, shows its charts. `svg` is crisp but classic Jupyter ignores untrusted `image/svg+xml`.
 * `interactive` sends HTML with plotly.js inlined (the bundle, ~10 MB, once per kernel; no CDN needed),
 * which runs only while the notebook is trusted (i.e. in the session that ran it).
 *
 * @example
 * import { showFigure, categoryPie } from '../dist/src/index';
 * await showFigure(categoryPie(r.byCategory, { title: 'AlexNet' }));
 */
import * as fs from 'fs';
import type { Figure } from './figures';
import { frameHtml, type DataFrame } from './frames';
import { openRenderer, plotlyBundlePath, type Renderer } from './render';

/** The part of tslab's `display` used here (injectable for tests). */
export interface DisplayLike {
  html(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
}

export type ShowMode = 'png' | 'svg' | 'interactive';

let renderer: Promise<Renderer> | undefined;
let bundleSent = false;
let divCounter = 0;

function tslabDisplay(): DisplayLike {
  // tslab is present only inside its kernel; load it lazily so this module also loads elsewhere.
  return (require('tslab') as { display: DisplayLike }).display;
}

/** The shared headless renderer of this process (started on first use, closed by closeNotebookRenderer). */
function sharedRenderer(): Promise<Renderer> {
  if (!renderer) {
    const started = openRenderer();
    renderer = started;
    // a failed start is not cached: the next figure tries again, and exit does not await a rejection
    started.catch(() => { if (renderer === started) renderer = undefined; });
    process.once('beforeExit', () => { closeNotebookRenderer().catch(() => undefined); });
  }
  return renderer;
}

/** Close the shared renderer (the browser) if one was started. */
export async function closeNotebookRenderer(): Promise<void> {
  const r = renderer;
  renderer = undefined;
  if (r) await (await r).close();
}

/**
 * The HTML that draws a figure with plotly.js in the page, inlining the bundle when `withBundle`.
 * @example interactiveHtml(fig, 'fig-1', false) // '<div id="fig-1" ...></div><script>...'
 */
export function interactiveHtml(fig: Figure, id: string, withBundle: boolean): string {
  // The bundle sets window.Plotly; hide `module` and `define` so notebook's require.js does not capture it.
  const bundle = withBundle
    ? `<script>(function (module, define) {\n${fs.readFileSync(plotlyBundlePath(), 'utf8')}\n}).call(window, undefined, undefined);</script>`
    : '';
  const spec = JSON.stringify(fig).replace(/</g, '\\u003c');
  return `${bundle}<div id="${id}" style="width:100%"></div><script>(function () { var f = ${spec}; window.Plotly.newPlot('${id}', f.data, f.layout, { responsive: true }); })();</script>`;
}

/**
 * Show a figure in the notebook.
 * @example await showFigure(timingBars(bars, { title: 'Inference' }), { mode: 'svg' })
 */
export async function showFigure(fig: Figure, opts: { mode?: ShowMode; display?: DisplayLike } = {}): Promise<void> {
  const display = opts.display ?? tslabDisplay();
  const mode = opts.mode ?? 'png';
  switch (mode) {
    case 'png': {
      const r = await sharedRenderer();
      display.png(await r.render(fig, 'png', { scale: 1 }));
      return;
    }
    case 'svg': {
      const r = await sharedRenderer();
      display.svg(await r.render(fig, 'svg'));
      return;
    }
    case 'interactive': {
      display.html(interactiveHtml(fig, `layerlab-fig-${process.pid}-${++divCounter}`, !bundleSent));
      bundleSent = true;
      return;
    }
    default:
      throw new Error(`invalid show mode: ${String(mode)} — expected png, svg or interactive`);
  }
}

/**
 * Show a data frame as an HTML table (shown by Jupyter even when the notebook is untrusted).
 * @example showFrame(sharesFrame(r.byCategory))
 */
export function showFrame(df: DataFrame, opts: { display?: DisplayLike } = {}): void {
  (opts.display ?? tslabDisplay()).html(frameHtml(df));
}

/**
 * Show Markdown-ish text as preformatted HTML (for verdict sentences with numbers).
 * @example showText('conv-share: holds (68.2%)')
 */
export function showText(text: string, opts: { display?: DisplayLike } = {}): void {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  (opts.display ?? tslabDisplay()).html(`<pre style="white-space:pre-wrap">${esc}</pre>`);
}

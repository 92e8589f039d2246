/**
 * Reports: figure specs as plain data, data frames (danfojs-node), headless rendering (Chromium via
 * playwright-core), notebook display (tslab), and report documents (Markdown / HTML).
 *
 * @example
 * import { categoryPie, showFigure } from 'layerlab';
 * await showFigure(categoryPie(result.byCategory, { title: 'AlexNet' }));
 */
export * from './figures';
export * from './palette';
export * from './frames';
export * from './render';
export * from './notebook';
export * from './document';

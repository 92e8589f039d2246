// Report documents: the same blocks as Markdown and as one HTML page with SVGs inlined.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentHtml, documentMarkdown, markdownTable, type Block } from '../../src/report/document';

const blocks: Block[] = [
  { kind: 'heading', level: 2, text: 'Shares' },
  { kind: 'paragraph', text: 'See `table.csv` for **all** <numbers>.' },
  { kind: 'table', columns: ['network', 'pct'], rows: [['a|b', 12.5]] },
  { kind: 'figure', name: 'times', caption: 'Times' },
  { kind: 'list', items: ['one'] },
];

test('Markdown: pipes escaped in cells, figures as PNG with an SVG link', () => {
  const md = documentMarkdown(blocks);
  assert.match(md, /^## Shares\n/);
  assert.match(md, /\| a\\\|b \| 12\.5 \|/);
  assert.match(md, /!\[Times\]\(times\.png\)\n\n\*Times\* \(\[SVG\]\(times\.svg\)\)/);
});

test('HTML: escaped text, code and bold, the figure\'s SVG inlined or its PNG linked', () => {
  const html = documentHtml(blocks, { title: 'T', svgOf: (n) => (n === 'times' ? '<svg id="s"></svg>' : undefined) });
  assert.match(html, /<p>See <code>table\.csv<\/code> for <strong>all<\/strong> &lt;numbers&gt;\.<\/p>/);
  assert.match(html, /<figure><svg id="s"><\/svg><figcaption>Times<\/figcaption><\/figure>/);
  assert.match(documentHtml(blocks, { title: 'T', svgOf: () => undefined }), /<img src="times\.png" alt="Times">/);
});

test('markdownTable parses a pipe table', () => {
  assert.deepEqual(markdownTable('| a | b |\n|---|---:|\n| 1 | 2 |\n'), { kind: 'table', columns: ['a', 'b'], rows: [['1', '2']] });
});

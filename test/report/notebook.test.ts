// Notebook display without a kernel: a fake display records what would be sent.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { categoryPie } from '../../src/report/figures';
import { sharesFrame } from '../../src/report/frames';
import { interactiveHtml, showFigure, showFrame, showText } from '../../src/report/notebook';
import { alexnetFixture } from './fixtures';

function fake() {
  const sent: [string, string][] = [];
  return { sent, display: { html: (s: string) => sent.push(['html', s]), svg: (s: string) => sent.push(['svg', s]), png: () => sent.push(['png', '']) } };
}

test('interactive: the plotly bundle is inlined once per kernel, then only the figure', async () => {
  const f = fake();
  const fig = categoryPie(alexnetFixture().byCategory, { title: 'AlexNet </script>' });
  await showFigure(fig, { mode: 'interactive', display: f.display });
  await showFigure(fig, { mode: 'interactive', display: f.display });
  assert.equal(f.sent.length, 2);
  assert.ok(f.sent[0][1].length > 1_000_000, 'first figure carries the bundle');
  assert.ok(f.sent[0][1].includes('window.Plotly = Plotly'));
  assert.ok(f.sent[1][1].length < 10_000, 'second figure does not');
  assert.ok(!f.sent[1][1].includes('AlexNet </script>'), 'the spec cannot close the script element');
  assert.match(interactiveHtml(fig, 'x1', false), /Plotly\.newPlot\('x1'/);
});

test('an unknown mode is refused; frames and text go out as HTML', async () => {
  const f = fake();
  await assert.rejects(showFigure(categoryPie([], { title: 't' }), { mode: 'gif' as 'png', display: f.display }), /invalid show mode: gif/);
  showFrame(sharesFrame(alexnetFixture().byCategory), { display: f.display });
  showText('a < b', { display: f.display });
  assert.match(f.sent[0][1], /<td>convolution<\/td>/);
  assert.equal(f.sent[1][1], '<pre style="white-space:pre-wrap">a &lt; b</pre>');
});

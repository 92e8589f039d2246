/**
 * A report as plain blocks (headings, paragraphs, tables, figures), written out as Markdown (README.md,
 * figures as PNG links) or as one self-contained HTML page (index.html, figures inlined as SVG).
 *
 * @example
 * const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Study' }, { kind: 'figure', name: 'times', caption: 'Times' }];
 * documentMarkdown(blocks); documentHtml(blocks, { title: 'Study', svgOf: (n) => svgs[n] });
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; rows: (string | number)[][] }
  | { kind: 'figure'; name: string; caption: string };

const cellMd = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Blocks as Markdown; a figure becomes `![caption](name.png)` with a link to its SVG.
 * @example documentMarkdown([{ kind: 'paragraph', text: 'hi' }]) // 'hi\n'
 */
export function documentMarkdown(blocks: Block[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading': return `${'#'.repeat(b.level)} ${b.text}\n`;
      case 'paragraph': return `${b.text}\n`;
      case 'list': return b.items.map((i) => `- ${i}`).join('\n') + '\n';
      case 'table': return [`| ${b.columns.map(cellMd).join(' | ')} |`, `|${b.columns.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(cellMd).join(' | ')} |`)].join('\n') + '\n';
      case 'figure': return `![${b.caption}](${b.name}.png)\n\n*${b.caption}* ([SVG](${b.name}.svg))\n`;
      default: throw new Error(`invalid block kind: ${(b as { kind: string }).kind}`);
    }
  }).join('\n');
}

const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** `code` spans and **bold** in otherwise escaped text. */
const inline = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

/**
 * Blocks as one HTML page; `svgOf(name)` gives a figure's SVG text to inline (else an <img> of its PNG).
 * @example documentHtml(blocks, { title: 'layerlab', svgOf: () => undefined })
 */
export function documentHtml(blocks: Block[], opts: { title: string; svgOf: (name: string) => string | undefined }): string {
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'heading': return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
      case 'paragraph': return `<p>${inline(b.text)}</p>`;
      case 'list': return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
      case 'table': return `<table><thead><tr>${b.columns.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>` +
        b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(String(c))}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
      case 'figure': {
        const svg = opts.svgOf(b.name);
        return `<figure>${svg ?? `<img src="${esc(b.name)}.png" alt="${esc(b.caption)}">`}<figcaption>${inline(b.caption)}</figcaption></figure>`;
      }
      default: throw new Error(`invalid block kind: ${(b as { kind: string }).kind}`);
    }
  }).join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${esc(opts.title)}</title><style>
body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:90%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#f3f3f3}figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}figcaption{font-style:italic;color:#555}
</style></head><body>\n${body}\n</body></html>\n`;
}

/**
 * A Markdown pipe table (as written by the inspection summary) as a table block.
 * @example markdownTable('| a | b |\n|---|---|\n| 1 | 2 |\n') // { kind: 'table', columns: ['a', 'b'], rows: [['1', '2']] }
 */
export function markdownTable(md: string): Block {
  const lines = md.trim().split('\n').filter((l) => l.startsWith('|'));
  const cells = (l: string) => l.slice(1, -1).split('|').map((c) => c.trim());
  return { kind: 'table', columns: cells(lines[0]), rows: lines.slice(2).map(cells) };
}

/**
 * The main job: reproduce the study into a report folder. The study's three networks (imported from
 * their Caffe definitions with seeded random weights) are inspected (size, parameters, MACs), profiled
 * under 1 and 2 threads, set beside the study's published figures, and the study's statements judged.
 * Writes README.md and index.html (charts inlined as SVG), PNG/SVG charts, CSV and JSON results, and the
 * environment record.
 *
 * @example
 * const { markdown } = await reproduceStudy('reports/study', settingsFrom(process.env), { runs: 20 });
 */
import { describeEnvironment } from '../env/record';
import { UsageError } from '../errors';
import { documentHtml, documentMarkdown, markdownTable, type Block } from '../report/document';
import { openRenderer } from '../report/render';
import type { Settings } from '../registry';
import { toCsv } from './csv';
import { studyFigures } from './figures';
import { inspectNetworks, STUDY_NETWORKS, type NetworkInspection } from './inspection';
import { measureStudy, speedupRows, type StudyMeasurement, type StudyOptions } from './measure';
import { STUDY_CATEGORIES } from '../profile/categories';
import { NOT_IN_SOURCES } from './published';
import { openReportFolder, type ReportFolder } from './reportFolder';
import { inspectionMarkdown } from './summary';
import { flattenStudyRow, STUDY_TABLE_COLUMNS } from './table';

export interface StudyReport {
  dir: string;
  markdown: string;
  networks: NetworkInspection[];
  measurement: StudyMeasurement;
  /** Files written, relative to `dir`. */
  files: string[];
  /** Why charts were not rendered, when they were not. */
  chartsSkipped?: string;
}

export interface ReproduceOptions extends Partial<StudyOptions> {
  /** Render PNG/SVG charts (needs Chromium); default true. */
  charts?: boolean;
  progress?: (line: string) => void;
}

const f1 = (x: number) => x.toFixed(1);
/** The study's three figures for one platform, or one "not in our sources" when it has none of them. */
const studyCells = (c: { modelSizeMB: string; initMs: string; inferenceMs: string }) =>
  [c.modelSizeMB, c.initMs, c.inferenceMs].every((v) => v === NOT_IN_SOURCES) ? NOT_IN_SOURCES : `${c.modelSizeMB} / ${c.initMs} / ${c.inferenceMs}`;

function summaryBlocks(m: StudyMeasurement): Block[] {
  const speed = speedupRows(m.profiles);
  const shareOf = (p: StudyMeasurement['profiles'][number], c: string) => f1(p.result.byCategory.filter((s) => s.type === c).reduce((a, s) => a + s.pct, 0));
  return [
    { kind: 'heading', level: 2, text: 'The study\'s statements on this machine' },
    { kind: 'paragraph', text: 'Each verdict is computed from this run\'s measurement (shares of the summed node time). The tolerance around a published figure is layerlab\'s choice, stated in each line; the published figures and their sources are in `models/study-2016.json`.' },
    { kind: 'table', columns: ['configuration', 'statement', 'study', 'verdict', 'numbers'], rows: m.verdicts.map((v) => [v.config ?? '', v.statement, v.published, `**${v.verdict}**`, v.detail]) },
    { kind: 'list', items: m.energy.map((v) => `${v.statement} (study) — ${v.verdict}: ${v.detail.replace(/^not measured: /, '')}`) },
    { kind: 'heading', level: 2, text: 'The study\'s table: measured here beside the published figures' },
    { kind: 'paragraph', text: `Model size is the ONNX file measured (float32, seeded random weights); initialization is reading the file and creating the onnxruntime session (${m.options.cold > 0 ? `median of ${m.options.cold} fresh processes per network and thread count` : 'one in-process measure'}); inference is the median of ${m.options.runs} timed runs after ${m.options.warmup} warm-up runs, with the bootstrap 95% interval of the median. "${NOT_IN_SOURCES}": the study's figure is not in the sources we have, so none is shown.` },
    {
      kind: 'table', columns: ['network', 'configuration', 'model size', 'init (ms)', 'inference (ms) [95% CI]', 'study PC: size / init / inference', 'study Nexus 7: size / init / inference'],
      rows: m.table.map((r) => [r.network, r.config, `${f1(r.modelSizeMiB)} MiB`, f1(r.initMs) + (r.initCi95 ? ` [${f1(r.initCi95[0])}, ${f1(r.initCi95[1])}]` : ''),
        `${r.inferenceMs.toFixed(2)} [${r.inferenceCi95[0].toFixed(2)}, ${r.inferenceCi95[1].toFixed(2)}]`,
        studyCells(r.study.pc), studyCells(r.study.nexus7)]),
    },
    ...(speed.length === 0 ? [] : <Block[]>[
      { kind: 'heading', level: 3, text: `${speed[0].baseConfig} vs ${[...new Set(speed.map((s) => s.config))].join(', ')}` },
      { kind: 'table', columns: ['network', 'configuration', `inference, ${speed[0].baseConfig}`, 'inference', `speed-up (${speed[0].baseConfig} / configuration)`],
        rows: speed.map((s) => [s.network, s.config, `${s.baseMs.toFixed(2)} ms`, `${s.ms.toFixed(2)} ms`, `${s.speedup.toFixed(2)}x`]) },
    ]),
    { kind: 'heading', level: 2, text: 'Share of inference time by layer type' },
    {
      kind: 'table', columns: ['network', 'configuration', ...STUDY_CATEGORIES.map((c) => `${c} %`)],
      rows: m.profiles.map((p) => [p.network, p.config, ...STUDY_CATEGORIES.map((c) => shareOf(p, c))]),
    },
    { kind: 'paragraph', text: `Coverage (summed node time / measured run): ${m.profiles.map((p) => `${p.network} ${p.config} ${(100 * p.result.coverage).toFixed(0)}%`).join(', ')}. Profiling overhead (profiled / plain run): ${m.profiles.map((p) => `${p.network} ${p.config} ${p.result.overhead.toFixed(2)}x`).join(', ')}.` },
  ];
}

/**
 * Run the whole reproduction and write the report folder.
 * @throws whatever profiling throws (SessionError, UsageError); a missing Chromium only skips the charts.
 */
export async function reproduceStudy(dir: string, settings: Settings, opts: ReproduceOptions = {}): Promise<StudyReport> {
  const { charts = true, progress = () => {}, ...studyOpts } = opts;
  const seed = studyOpts.seed ?? 1;
  const networks = await inspectNetworks(studyOpts.networks ?? STUDY_NETWORKS, settings, { seed });
  const rep = openReportFolder(dir);
  try {
    const report = await writeReport(rep, networks, settings, seed, charts, progress, studyOpts);
    rep.commit();
    return report;
  } catch (e) {
    rep.abort();
    throw e;
  }
}

async function writeReport(rep: ReportFolder, networks: NetworkInspection[], settings: Settings, seed: number, charts: boolean,
  progress: (line: string) => void, studyOpts: Omit<ReproduceOptions, 'charts' | 'progress'>): Promise<StudyReport> {
  const files = ['environment.md', 'environment.json'];
  const add = (name: string, content: string) => { rep.write(name, content); files.push(name); };
  const addJson = (name: string, value: unknown) => { rep.writeJson(name, value); files.push(name); };
  addJson('inspection.json', networks);
  add('inspection.csv', toCsv(networks.map((r) => ({ ...r, publishedParams: r.published?.params, publishedMacs: r.published?.macs })),
    ['network', 'fileBytes', 'params', 'publishedParams', 'macs', 'publishedMacs', 'nodes', 'unknownShapeNodes', 'file']));

  const m = await measureStudy(settings, { ...studyOpts, seed }, progress);
  addJson('profiles.json', m.profiles);
  addJson('table.json', m.table);
  add('table.csv', toCsv(m.table.map(flattenStudyRow), STUDY_TABLE_COLUMNS));
  addJson('verdicts.json', [...m.verdicts, ...m.energy]);
  add('verdicts.csv', toCsv([...m.verdicts, ...m.energy] as unknown as Record<string, unknown>[], ['config', 'id', 'verdict', 'published', 'measured', 'detail', 'statement']));
  add('shares.csv', toCsv(m.profiles.flatMap((p) => p.result.byCategory.map((s) => ({ network: p.network, config: p.config, ...s }))), ['network', 'config', 'type', 'ms', 'pct', 'count']));
  add('nodes.csv', toCsv(m.profiles.flatMap((p) => p.result.byNode.map((n) => ({ network: p.network, config: p.config, node: n.node, caffeLayer: n.caffeLayer, opType: n.opType, category: n.category, ms: n.ms, pct: n.pct }))),
    ['network', 'config', 'node', 'caffeLayer', 'opType', 'category', 'ms', 'pct']));

  const figures = studyFigures(m.profiles);
  const svgs: Record<string, string> = {};
  let chartsSkipped: string | undefined;
  if (charts) {
    try {
      const r = await openRenderer();
      try {
        for (const f of figures) {
          const png = await r.render(f.figure, 'png');
          const svg = await r.render(f.figure, 'svg');
          rep.write(`${f.name}.png`, png); rep.write(`${f.name}.svg`, svg);
          files.push(`${f.name}.png`, `${f.name}.svg`);
          svgs[f.name] = svg;
        }
      } finally {
        await r.close();
      }
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      chartsSkipped = e.message;
    }
  } else {
    chartsSkipped = 'charts not requested';
  }
  addJson('figures.json', figures);

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'layerlab: "Squeezing Deep Learning onto a Phone" (2016) reproduced with onnxruntime' },
    { kind: 'paragraph', text: describeEnvironment(rep.environment) },
    { kind: 'paragraph', text: `AlexNet, NIN and GoogLeNet imported from their Caffe definitions with seeded random weights (seed ${seed}; timing does not depend on weight values), batch 1, onnxruntime CPU, all graph optimizations; ${m.options.runs} timed runs after ${m.options.warmup} warm-up runs per network and configuration.` },
    ...summaryBlocks(m),
    ...(chartsSkipped ? [{ kind: 'paragraph' as const, text: `Charts not rendered: ${chartsSkipped}. Their specs are in figures.json.` }] : figures.map((f) => ({ kind: 'figure' as const, name: f.name, caption: f.caption }))),
    { kind: 'heading', level: 2, text: 'The networks: size and cost' },
    markdownTable(inspectionMarkdown(networks)),
    { kind: 'heading', level: 2, text: 'Files' },
    { kind: 'list', items: ['`table.csv` / `table.json`: the study\'s table, measured here', '`verdicts.csv` / `verdicts.json`: the statements and their verdicts',
      '`shares.csv`: share of node time per layer category', '`nodes.csv`: per-node median times', '`profiles.json`: every profile (samples included)',
      '`inspection.csv` / `inspection.json`: parameters, MACs, operators', '`figures.json`: chart specs (plotly JSON)', '`environment.md` / `environment.json`: the measuring machine'] },
  ];
  const markdown = documentMarkdown(blocks);
  add('README.md', markdown);
  add('index.html', documentHtml(blocks, { title: 'layerlab: the study reproduced', svgOf: (n) => svgs[n] }));
  return { dir: rep.dir, markdown, networks, measurement: m, files, ...(chartsSkipped ? { chartsSkipped } : {}) };
}

/**
 * The study's charts from its profiles (pure): per-network pies of the layer-type shares, stacked bars
 * of the networks side by side and of 1 vs 2 threads, initialization and inference times with their
 * 95% intervals, AlexNet's most expensive layers, and one run's waterfall per network.
 *
 * @example
 * for (const f of studyFigures(m.profiles)) await showFigure(f.figure);
 */
import { categoryPie, categoryStackedBars, nodeWaterfall, timingBars, topNodesBars, type Figure, type TimingBar } from '../report/figures';
import type { StudyProfile } from './measure';

export interface NamedFigure { name: string; caption: string; figure: Figure }

const TITLES: Record<string, string> = { alexnet: 'AlexNet', nin: 'NIN', googlenet: 'GoogLeNet' };
const title = (network: string) => TITLES[network] ?? network;

/**
 * Every chart of the study, named for its files (`pie-alexnet` -> pie-alexnet.png / .svg).
 * The first configuration (e.g. 1 thread) gives the per-network charts.
 * @example studyFigures(profiles).map((f) => f.name) // ['shares-networks', 'shares-threads', 'times', 'pie-alexnet', ...]
 */
export function studyFigures(profiles: StudyProfile[]): NamedFigure[] {
  if (profiles.length === 0) return [];
  const first = profiles[0].config;
  const base = profiles.filter((p) => p.config === first);
  const configs = [...new Set(profiles.map((p) => p.config))];
  const out: NamedFigure[] = [
    {
      name: 'shares-networks', caption: `Share of inference time by layer type (the study's categories), ${first}`,
      figure: categoryStackedBars(base.map((p) => ({ name: title(p.network), shares: p.result.byCategory })), { title: `Share of inference time by layer type (${first})` }),
    },
  ];
  if (configs.length > 1) {
    const byNet = [...new Set(profiles.map((p) => p.network))];
    out.push({
      name: 'shares-threads', caption: `Share of inference time by layer type: ${configs.join(' vs ')}`,
      figure: categoryStackedBars(byNet.flatMap((n) => profiles.filter((p) => p.network === n).map((p) => ({ name: `${title(n)}, ${p.config}`, shares: p.result.byCategory }))),
        { title: `Share of inference time by layer type: ${configs.join(' vs ')}` }),
    });
  }
  const bars: TimingBar[] = [];
  for (const p of profiles) {
    const cold = p.result.init.coldStart;
    bars.push({ group: title(p.network), series: p.config, panel: 'initialization (read + session)', stats: cold ? { median: cold.median, ci95: cold.ci95 } : { median: p.result.init.totalMs } });
  }
  for (const p of profiles) bars.push({ group: title(p.network), series: p.config, panel: 'inference', stats: p.result.inference });
  out.push({ name: 'times', caption: 'Initialization and inference time per network (median, error bars: 95% interval of the median)', figure: timingBars(bars, { title: 'Initialization and inference time', yTitle: 'time (ms)' }) });
  for (const p of base) {
    out.push({ name: `pie-${p.network}`, caption: `${title(p.network)}: share of inference time by layer type (${first})`, figure: categoryPie(p.result.byCategory, { title: `${title(p.network)}: share of inference time (${first})` }) });
  }
  const alex = base.find((p) => p.network === 'alexnet');
  if (alex) out.push({ name: 'top-nodes-alexnet', caption: `AlexNet: the 10 most expensive layers (${first})`, figure: topNodesBars(alex.result.byNode, { title: `AlexNet: the most expensive layers (${first})`, n: 10 }) });
  for (const p of base) {
    out.push({ name: `waterfall-${p.network}`, caption: `${title(p.network)}: one run, node by node (${first})`, figure: nodeWaterfall(p.result.nodes, { title: `${title(p.network)}: one run, node by node (${first})` }) });
  }
  return out;
}

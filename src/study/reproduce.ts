/**
 * The main job: reproduce the study into a report folder. For now: the study's three networks imported
 * from their Caffe definitions and inspected (size, parameters, MACs, operators), with the environment
 * record. The profiler extends it with timing.
 *
 * @example
 * const { markdown } = await reproduceStudy('reports/study', settingsFrom(process.env));
 */
import { describeEnvironment } from '../env/record';
import type { Settings } from '../registry';
import { toCsv } from './csv';
import { inspectNetworks, STUDY_NETWORKS, type NetworkInspection } from './inspection';
import { openReportFolder } from './reportFolder';
import { inspectionMarkdown, opHistogramMarkdown } from './summary';

export interface StudyReport { dir: string; markdown: string; networks: NetworkInspection[] }

export async function reproduceStudy(dir: string, settings: Settings, opts: { seed?: number; networks?: string[] } = {}): Promise<StudyReport> {
  const rows = await inspectNetworks(opts.networks ?? STUDY_NETWORKS, settings, { seed: opts.seed });
  const rep = openReportFolder(dir);
  rep.writeJson('inspection.json', rows);
  rep.write('inspection.csv', toCsv(
    rows.map((r) => ({ ...r, publishedParams: r.published?.params, publishedMacs: r.published?.macs })),
    ['network', 'fileBytes', 'params', 'publishedParams', 'macs', 'publishedMacs', 'nodes', 'unknownShapeNodes', 'file']));
  const markdown = ['# layerlab: the study\'s networks', '', describeEnvironment(rep.environment), '',
    `## Size and cost (imported from the Caffe definitions with seeded random weights, seed ${opts.seed ?? 1})`, '',
    inspectionMarkdown(rows), '## Operators', '', opHistogramMarkdown(rows)].join('\n');
  rep.write('README.md', markdown);
  return { dir, markdown, networks: rows };
}

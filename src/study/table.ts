/**
 * The study's table (model size, initialization time, inference time per network) as measured here,
 * beside the study's published PC and Nexus 7 figures ("not in our sources" where we have none).
 *
 * @example
 * const rows = studyTableRows([{ network: 'alexnet', config: '1 thread', result }], loadPublished());
 * toCsv(rows.map(flattenStudyRow));
 */
import type { ProfileResult } from '../profile/types';
import { publishedCell, type PublishedStudy } from './published';

export interface StudyTableRow {
  network: string;
  /** The configuration measured, e.g. "1 thread". */
  config: string;
  threads: number;
  /** Size of the ONNX file measured (seeded random weights, float32), MiB. */
  modelSizeMiB: number;
  /** Initialization (read the file + create the session): median of cold starts when measured, else the one measured. */
  initMs: number;
  initCi95?: [number, number];
  /** Inference, median over the timed runs, with the 95% interval of the median. */
  inferenceMs: number;
  inferenceCi95: [number, number];
  runs: number;
  /** The study's figures as text ("not in our sources" when absent). */
  study: { pc: { modelSizeMB: string; initMs: string; inferenceMs: string }; nexus7: { modelSizeMB: string; initMs: string; inferenceMs: string } };
}

export interface MeasuredNetwork { network: string; config: string; result: ProfileResult }

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One table row per measured network and configuration.
 * @example studyTableRows([{ network: 'nin', config: '1 thread', result }], pub)[0].inferenceMs
 */
export function studyTableRows(measured: MeasuredNetwork[], pub: PublishedStudy): StudyTableRow[] {
  const cells = (network: string, platform: string) => ({
    modelSizeMB: publishedCell(pub, network, platform, 'modelSizeMB'),
    initMs: publishedCell(pub, network, platform, 'initMs'),
    inferenceMs: publishedCell(pub, network, platform, 'inferenceMs'),
  });
  return measured.map(({ network, config, result: r }) => {
    const cold = r.init.coldStart;
    return {
      network, config, threads: r.options.threads,
      modelSizeMiB: r3(r.model.fileBytes / 2 ** 20),
      initMs: r3(cold ? cold.median : r.init.totalMs),
      ...(cold ? { initCi95: [r3(cold.ci95[0]), r3(cold.ci95[1])] as [number, number] } : {}),
      inferenceMs: r3(r.inference.median),
      inferenceCi95: [r3(r.inference.ci95[0]), r3(r.inference.ci95[1])],
      runs: r.inference.n,
      study: { pc: cells(network, 'pc'), nexus7: cells(network, 'nexus7') },
    };
  });
}

/** Column names of the flat table (CSV, data frames, Markdown), in order. */
export const STUDY_TABLE_COLUMNS = ['network', 'config', 'modelSizeMiB', 'initMs', 'inferenceMs', 'inferenceCi95', 'runs',
  'studyPcModelSizeMB', 'studyPcInitMs', 'studyPcInferenceMs', 'studyNexus7ModelSizeMB', 'studyNexus7InitMs', 'studyNexus7InferenceMs'];

/**
 * A row as flat cells (for CSV and data frames).
 * @example flattenStudyRow(row).studyPcInitMs // 'not in our sources'
 */
export function flattenStudyRow(r: StudyTableRow): Record<string, string | number> {
  return {
    network: r.network, config: r.config, modelSizeMiB: r.modelSizeMiB, initMs: r.initMs, inferenceMs: r.inferenceMs,
    inferenceCi95: `${r.inferenceCi95[0]}-${r.inferenceCi95[1]}`, runs: r.runs,
    studyPcModelSizeMB: r.study.pc.modelSizeMB, studyPcInitMs: r.study.pc.initMs, studyPcInferenceMs: r.study.pc.inferenceMs,
    studyNexus7ModelSizeMB: r.study.nexus7.modelSizeMB, studyNexus7InitMs: r.study.nexus7.initMs, studyNexus7InferenceMs: r.study.nexus7.inferenceMs,
  };
}

/**
 * The table as Markdown: measured here beside the study's PC and Nexus 7 figures.
 * @example studyTableMarkdown(rows).split('\n')[0] // '| network | config | model size | ...'
 */
export function studyTableMarkdown(rows: StudyTableRow[]): string {
  return [
    '| network | config | model size (here) | init (here) | inference (here, median [95% CI]) | study PC: size / init / inference | study Nexus 7: size / init / inference |',
    '|---|---|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.network} | ${r.config} | ${r.modelSizeMiB.toFixed(1)} MiB | ${r.initMs.toFixed(1)} ms | ${r.inferenceMs.toFixed(2)} ms [${r.inferenceCi95[0].toFixed(2)}, ${r.inferenceCi95[1].toFixed(2)}] | ` +
      `${r.study.pc.modelSizeMB} / ${r.study.pc.initMs} / ${r.study.pc.inferenceMs} | ${r.study.nexus7.modelSizeMB} / ${r.study.nexus7.initMs} / ${r.study.nexus7.inferenceMs} |`),
  ].join('\n') + '\n';
}

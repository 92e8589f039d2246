/**
 * The study's measurement: each network profiled under each thread count (1 thread first, all networks,
 * then the next count), the study's table beside the published figures, and the statements' verdicts
 * per configuration. Plain data; the report folder and the notebook present it.
 *
 * @example
 * const m = await measureStudy(settingsFrom(process.env), { runs: 10, warmup: 2, threads: [1, 2] });
 * m.verdicts.filter((v) => v.verdict === 'holds').map((v) => v.id);
 */
import { profileModel } from '../profile/profile';
import type { ProfileResult } from '../profile/types';
import type { Settings } from '../registry';
import { STUDY_NETWORKS } from './inspection';
import { loadPublished, type PublishedStudy } from './published';
import { energyVerdicts, judgeStatements, type Verdict } from './statements';
import { studyTableRows, type StudyTableRow } from './table';

export interface StudyOptions {
  networks: string[];
  /** Timed runs per network and configuration. */
  runs: number;
  warmup: number;
  /** Thread counts compared (intra-op threads), in order. */
  threads: number[];
  /** Fresh-process initializations per network and thread count (0: one in-process measure). */
  cold: number;
  /** Seed of the random inputs and of the Caffe networks' random weights. */
  seed: number;
}

export const DEFAULT_STUDY_OPTIONS: StudyOptions = { networks: STUDY_NETWORKS, runs: 20, warmup: 5, threads: [1, 2], cold: 5, seed: 1 };

export interface StudyProfile { network: string; config: string; threads: number; result: ProfileResult }

export interface StudyMeasurement {
  options: StudyOptions;
  profiles: StudyProfile[];
  table: StudyTableRow[];
  /** The study's statements judged under each configuration. */
  verdicts: Verdict[];
  energy: Verdict[];
  published: PublishedStudy;
}

/** "1 thread", "2 threads". @example threadsLabel(2) // '2 threads' */
export function threadsLabel(n: number): string {
  return n === 0 ? "onnxruntime's default threads" : `${n} thread${n === 1 ? '' : 's'}`;
}

/**
 * Verdicts and table from profiles already measured (pure).
 * @example judgeProfiles(profiles, loadPublished()).verdicts.length
 */
export function judgeProfiles(profiles: StudyProfile[], published: PublishedStudy): { table: StudyTableRow[]; verdicts: Verdict[] } {
  const configs = [...new Set(profiles.map((p) => p.config))];
  const verdicts = configs.flatMap((config) => judgeStatements(published.statements,
    profiles.filter((p) => p.config === config).map((p) => ({ network: p.network, byCategory: p.result.byCategory, byNode: p.result.byNode })), config));
  return { table: studyTableRows(profiles, published), verdicts };
}

/**
 * Profile the study's networks under each thread count and judge the study's statements.
 * `progress` receives one line per profile.
 */
export async function measureStudy(settings: Settings, partial: Partial<StudyOptions> = {}, progress: (line: string) => void = () => {}): Promise<StudyMeasurement> {
  const options: StudyOptions = { ...DEFAULT_STUDY_OPTIONS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
  const published = loadPublished();
  const profiles: StudyProfile[] = [];
  for (const threads of options.threads) {
    for (const network of options.networks) {
      const t0 = Date.now();
      const result = await profileModel(network, settings, {
        runs: options.runs, warmup: options.warmup, threads, seed: options.seed, modelSeed: options.seed, cold: options.cold,
      });
      profiles.push({ network, config: threadsLabel(threads), threads, result });
      progress(`${network}, ${threadsLabel(threads)}: inference median ${result.inference.median.toFixed(2)} ms (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  return { options, profiles, ...judgeProfiles(profiles, published), energy: energyVerdicts(published.energy), published };
}

export interface SpeedupRow { network: string; baseConfig: string; config: string; baseMs: number; ms: number; speedup: number }

/**
 * Inference median of each network under each configuration against the first one (1 thread vs 2 threads).
 * @example speedupRows(m.profiles)[0] // { network: 'alexnet', baseConfig: '1 thread', config: '2 threads', baseMs: 30.1, ms: 17.2, speedup: 1.75 }
 */
export function speedupRows(profiles: StudyProfile[]): SpeedupRow[] {
  const configs = [...new Set(profiles.map((p) => p.config))];
  const rows: SpeedupRow[] = [];
  for (const network of [...new Set(profiles.map((p) => p.network))]) {
    const base = profiles.find((p) => p.network === network && p.config === configs[0]);
    if (!base) continue;
    for (const c of configs.slice(1)) {
      const p = profiles.find((x) => x.network === network && x.config === c);
      if (!p) continue;
      const baseMs = base.result.inference.median, ms = p.result.inference.median;
      rows.push({ network, baseConfig: configs[0], config: c, baseMs: Math.round(baseMs * 1000) / 1000, ms: Math.round(ms * 1000) / 1000, speedup: Math.round((baseMs / ms) * 100) / 100 });
    }
  }
  return rows;
}

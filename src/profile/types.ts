/**
 * Plain records of the profiler: what a measurement produces, before any formatting.
 * The contract between the runtime (measuring), the profile aggregation and the reports.
 *
 * @example
 * const r: ProfileResult = await profileModel('alexnet', settings, { runs: 20 });
 * r.byCategory.find((c) => c.type === 'convolution')?.pct;
 */
import type { EnvironmentRecord } from '../env/record';

/** Summary statistics of a sample of times, in milliseconds. */
export interface TimingStats {
  n: number;
  min: number;
  max: number;
  median: number;
  mean: number;
  p90: number;
  /** Interquartile range (p75 - p25). */
  iqr: number;
  std: number;
  /** Bootstrap 95% confidence interval of the median: [low, high]. */
  ci95: [number, number];
  /** The raw samples, in run order. */
  samples: number[];
}

/** One node execution in an onnxruntime profiling trace. */
export interface NodeRecord {
  /** Node name as onnxruntime reports it (fused nodes carry their fused name). */
  node: string;
  opType: string;
  provider: string;
  /** Duration in milliseconds. */
  ms: number;
  /** Start time in milliseconds from the start of its run (the trace event's ts relative to the run's first node), when known. For the waterfall. */
  startMs?: number;
  /** Index of the run (0-based over all profiled runs, warm-up included). */
  run: number;
  inputShapes: number[][];
  outputShapes: number[][];
}

/** Per-node aggregate over the timed runs. */
export interface NodeTiming {
  node: string;
  opType: string;
  /** The study's layer category (convolution, fully connected, pooling, normalization, relu, concat, softmax, dropout, cccp, other). */
  category: string;
  /** Caffe layer name and type when the model came from the Caffe importer. */
  caffeLayer?: string;
  caffeType?: string;
  /** Original graph nodes this (fused) node replaced, when known. */
  fusedFrom?: string[];
  /** Median over the timed runs, ms. */
  ms: number;
  pct: number;
  outputShapes: number[][];
}

/** A share of the total: by op type or by the study's category. */
export interface Share { type: string; ms: number; pct: number; count: number }

export interface MemoryFigures {
  /** Peak resident memory of the measuring process (VmHWM), bytes. */
  peakRssBytes: number;
  /** Resident memory after the session was created, bytes. */
  rssAfterInitBytes: number;
  /** Resident memory before the model was read, bytes. */
  rssBeforeBytes: number;
  /** onnxruntime's arena figures from the trace, when present. */
  arena?: Record<string, number>;
}

export interface ProfileOptions {
  runs: number;
  warmup: number | 'auto';
  threads: number;
  interOpThreads: number;
  optLevel: 'disabled' | 'basic' | 'extended' | 'all';
  executionMode: 'sequential' | 'parallel';
  memArena: boolean;
  seed: number;
  shapes?: Record<string, number[]>;
}

export interface ProfileResult {
  model: { name: string; path: string; fileBytes: number; ablations?: string[] };
  options: ProfileOptions;
  init: {
    readMs: number; sessionMs: number; totalMs: number; firstInferenceMs: number;
    /** Initialization (read + session, as `totalMs`) in fresh processes, one sample per process. */
    coldStart?: TimingStats;
    /** The first inference of each of those fresh processes. */
    coldFirstInference?: TimingStats;
  };
  inference: TimingStats;
  memory: MemoryFigures;
  byNode: NodeTiming[];
  byType: Share[];
  byCategory: Share[];
  /** Per-node records of one representative timed run (for the waterfall). */
  nodes: NodeRecord[];
  /** Share of the run time spent in nodes: median over the profiled timed runs of (sum of node times of the run / wall time of that run). */
  coverage: number;
  /** Median profiled run / median unprofiled run. */
  overhead: number;
  environment: EnvironmentRecord;
}

/**
 * Hand-built profiler records for report and study tests (numbers chosen by hand, not measured).
 *
 * @example
 * const r = alexnetFixture(); r.byCategory[0].type // 'convolution'
 */
import type { NodeRecord, NodeTiming, ProfileResult, Share, TimingStats } from '../../src/profile/types';

export function stats(median: number, lo: number, hi: number, n = 10): TimingStats {
  return { n, min: lo * 0.95, max: hi * 1.1, median, mean: median * 1.01, p90: hi, iqr: (hi - lo) / 2, std: (hi - lo) / 4, ci95: [lo, hi], samples: Array.from({ length: n }, () => median) };
}

function node(node: string, opType: string, category: string, ms: number, total: number, caffeLayer?: string): NodeTiming {
  return { node, opType, category, ms, pct: (100 * ms) / total, outputShapes: [[1, 8, 4, 4]], ...(caffeLayer ? { caffeLayer, caffeType: opType } : {}) };
}

export function sharesOf(byNode: NodeTiming[], key: 'category' | 'opType'): Share[] {
  const total = byNode.reduce((s, n) => s + n.ms, 0);
  const m = new Map<string, Share>();
  for (const n of byNode) {
    const s = m.get(n[key]) ?? { type: n[key], ms: 0, pct: 0, count: 0 };
    s.ms += n.ms; s.pct = (100 * s.ms) / total; s.count += 1;
    m.set(n[key], s);
  }
  return [...m.values()].sort((a, b) => b.ms - a.ms);
}

/** A profile from per-node (name, op, category, ms) rows; startMs back to back plus a 0.1 ms gap when `timed`. */
export function profileFixture(name: string, rows: [string, string, string, number][], opts: { timed?: boolean; threads?: number; inference?: TimingStats; cold?: TimingStats } = {}): ProfileResult {
  const total = rows.reduce((s, r) => s + r[3], 0);
  const byNode = rows.map(([n, op, cat, ms]) => node(n, op, cat, ms, total));
  let t = 5;
  const nodes: NodeRecord[] = rows.map(([n, op, , ms]) => {
    const rec: NodeRecord = { node: n, opType: op, provider: 'CPUExecutionProvider', ms, run: 7, inputShapes: [[1, 3, 8, 8]], outputShapes: [[1, 8, 4, 4]], ...(opts.timed ? { startMs: t } : {}) };
    t += ms + 0.1;
    return rec;
  });
  return {
    model: { name, path: `/tmp/${name}.onnx`, fileBytes: 3 * 2 ** 20 },
    options: { runs: 10, warmup: 2, threads: opts.threads ?? 1, interOpThreads: 1, optLevel: 'all', executionMode: 'sequential', memArena: true, seed: 1 },
    init: { readMs: 10, sessionMs: 40, totalMs: 50, firstInferenceMs: total * 2, ...(opts.cold ? { coldStart: opts.cold } : {}) },
    inference: opts.inference ?? stats(total * 1.05, total, total * 1.2),
    memory: { peakRssBytes: 300e6, rssAfterInitBytes: 250e6, rssBeforeBytes: 100e6 },
    byNode, byType: sharesOf(byNode, 'opType'), byCategory: sharesOf(byNode, 'category'), nodes,
    coverage: 0.95, overhead: 1.02,
    environment: { cpuModel: 'Test CPU', cores: 2, cpuMHz: 2000, memoryBytes: 8e9, os: 'Test OS', kernel: '6', arch: 'x64', node: 'v20', onnxruntime: '1.30.0', hostname: 'test', takenAt: '2024-01-01T00:00:00.000Z' },
  };
}

/** AlexNet-like: fc6 is the single most expensive node; convolution 60% of node time. */
export function alexnetFixture(opts: { timed?: boolean; threads?: number } = {}): ProfileResult {
  return profileFixture('alexnet', [
    ['conv1', 'Conv', 'convolution', 12], ['norm1', 'LRN', 'normalization', 3], ['pool1', 'MaxPool', 'pooling', 1],
    ['conv2', 'Conv', 'convolution', 18], ['fc6', 'Gemm', 'fully connected', 20], ['conv3', 'Conv', 'convolution', 10],
    ['fc7', 'Gemm', 'fully connected', 8], ['relu7', 'Relu', 'relu', 0.5], ['prob', 'Softmax', 'softmax', 0.2],
  ], opts);
}

/** NIN-like: cccp layers 22% of node time. */
export function ninFixture(opts: { threads?: number } = {}): ProfileResult {
  return profileFixture('nin', [
    ['conv1', 'Conv', 'convolution', 30], ['cccp1', 'Conv', 'cccp', 12], ['cccp2', 'Conv', 'cccp', 10],
    ['pool1', 'MaxPool', 'pooling', 8], ['conv2', 'Conv', 'convolution', 40], ['pool4', 'AveragePool', 'pooling', 0.5],
  ], opts);
}

/** GoogLeNet-like: LRN 12% of node time. */
export function googlenetFixture(opts: { threads?: number } = {}): ProfileResult {
  return profileFixture('googlenet', [
    ['conv1', 'Conv', 'convolution', 20], ['norm1', 'LRN', 'normalization', 6], ['conv2', 'Conv', 'convolution', 30],
    ['norm2', 'LRN', 'normalization', 6], ['inception_3a', 'Concat', 'concat', 2], ['fc', 'Gemm', 'fully connected', 1],
    ['pool', 'MaxPool', 'pooling', 35],
  ], opts);
}

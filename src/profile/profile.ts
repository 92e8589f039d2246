/**
 * `profileModel`: where a network spends its inference time and memory, layer by layer. Resolves a model
 * path or registry name, measures it (see measure.ts), optionally repeats initialization in fresh processes
 * (cold start), and turns the trace into per-node, per-op-type and per-category figures.
 *
 * @example
 * const r = await profileModel('nin', settingsFrom(process.env), { runs: 20, warmup: 'auto' });
 * r.byCategory.find((c) => c.type === 'cccp')?.pct;
 */
import * as path from 'path';
import { environmentRecord } from '../env/record';
import { ABLATIONS_KEY } from '../graph/ablation';
import type { Model } from '../graph/types';
import { decodeModel } from '../onnx';
import { resolveModel, type Settings } from '../registry';
import { nodeTimePerRun, nodeTimings, representativeRun, shares } from './aggregate';
import { attributeNodes } from './attribution';
import type { CategoryStrategy } from './categories';
import { coldStarts } from './coldStart';
import { measureModel, type Measurement } from './measure';
import { profileOptions, sessionOptionsOf } from './options';
import { median, timingStats } from './stats';
import type { ProfileOptions, ProfileResult } from './types';

export interface ProfileRequest extends Partial<ProfileOptions> {
  /** Copy onnxruntime's Chrome trace to this file. */
  trace?: string;
  /** Fresh processes measuring read + session creation + first inference; 0 (default) for none. */
  cold?: number;
  /** Category strategy of byCategory; default 'study'. */
  strategy?: CategoryStrategy;
  /** Seed of the random weights of Caffe networks without trained weights (registry names). */
  modelSeed?: number;
  /** Folder that a relative model path is resolved against; default process.cwd(). */
  cwd?: string;
}

function decodeOrUndefined(bytes: Uint8Array | undefined, source: string, baseDir: string): Model | undefined {
  if (!bytes) return undefined;
  try {
    return decodeModel(bytes, { source, baseDir });
  } catch {
    return undefined; // the optimized graph only improves attribution; without it names still map directly
  }
}

/**
 * Aggregate one measurement into a ProfileResult (pure but for the environment record).
 * @example const r = summarize(m, { name: 'm', path: '/m.onnx' }, profileOptions());
 */
export function summarize(m: Measurement, model: { name: string; path: string }, o: ProfileOptions, strategy: CategoryStrategy = 'study'): ProfileResult {
  const original = decodeModel(m.modelBytes, { source: model.path, baseDir: path.dirname(model.path) });
  const optimized = decodeOrUndefined(m.optimizedBytes, `${model.path} (optimized)`, path.dirname(model.path));
  const byNode = nodeTimings(m.trace.nodes, m.timedTraceRuns, attributeNodes(original, optimized), strategy);
  const rep = representativeRun(m.trace.nodes, m.timedTraceRuns);
  // coverage run by run: node time of each profiled timed run over that run's wall time (paired, so that
  // the machine's noise in one run does not count against another), then the median
  const perRun = nodeTimePerRun(m.trace.nodes, m.timedTraceRuns);
  const coverage = median(m.timedTraceRuns.map((run, i) => perRun.get(run)! / m.profiled[i]));
  const ablations = original.metadata?.[ABLATIONS_KEY];
  const result: ProfileResult = {
    model: { name: model.name, path: model.path, fileBytes: m.fileBytes, ...(ablations ? { ablations: ablations.split('; ') } : {}) },
    options: o,
    init: { readMs: m.readMs, sessionMs: m.sessionMs, totalMs: m.readMs + m.sessionMs, firstInferenceMs: m.firstInferenceMs },
    inference: timingStats(m.timed, { seed: o.seed }),
    memory: { peakRssBytes: m.peakRssBytes, rssAfterInitBytes: m.rssAfterInitBytes, rssBeforeBytes: m.rssBeforeBytes, ...(m.trace.arena ? { arena: m.trace.arena } : {}) },
    byNode,
    byType: shares(byNode, 'opType'),
    byCategory: shares(byNode, 'category'),
    nodes: m.trace.nodes.filter((n) => n.run === rep),
    coverage,
    overhead: median(m.profiled) / median(m.plain),
    environment: environmentRecord(),
  };
  return result;
}

/**
 * Profile a model file or registry name.
 * @throws UsageError for unknown models, bad options or a dynamic input without a shape; SessionError when the model fails to load or run.
 * @example const r = await profileModel('squeezenet1.1', settings, { runs: 10, optLevel: 'disabled' }); r.inference.median;
 */
export async function profileModel(nameOrPath: string, settings: Settings, opts: ProfileRequest = {}): Promise<ProfileResult> {
  const { trace, cold, strategy, modelSeed, cwd, ...rest } = opts;
  const o = profileOptions(rest);
  const resolved = await resolveModel(nameOrPath, settings, { cwd, ...(modelSeed === undefined ? {} : { seed: modelSeed }) });
  const m = await measureModel(resolved.path, o, trace);
  const result = summarize(m, { name: resolved.entry?.name ?? path.basename(resolved.path, '.onnx'), path: resolved.path }, o, strategy);
  if (cold && cold > 0) {
    const runs = await coldStarts({ path: resolved.path, session: sessionOptionsOf(o), seed: o.seed, shapes: o.shapes ?? {} }, cold);
    // the same quantity as init.totalMs (read + session); the first inference is reported beside it
    result.init.coldStart = timingStats(runs.map((r) => r.readMs + r.sessionMs), { seed: o.seed });
    result.init.coldFirstInference = timingStats(runs.map((r) => r.firstInferenceMs), { seed: o.seed });
  }
  return result;
}

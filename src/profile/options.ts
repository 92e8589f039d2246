/**
 * Profiling options: defaults, checks at the public boundary, and the session options they imply.
 *
 * @example
 * const o = profileOptions({ runs: 50, warmup: 'auto' }); o.threads; // 1
 */
import { UsageError } from '../errors';
import type { SessionOptions } from '../runtime';
import type { ProfileOptions } from './types';

/** Defaults: 20 timed runs, automatic warm-up, one thread (the study measured single-core phones first), all optimizations. */
export const DEFAULT_PROFILE_OPTIONS: ProfileOptions = {
  runs: 20, warmup: 'auto', threads: 1, interOpThreads: 1, optLevel: 'all', executionMode: 'sequential', memArena: true, seed: 0,
};

function positiveInt(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new UsageError(`invalid ${name}: ${v} — expected an integer >= ${min}`);
  return v;
}

/**
 * Fill in defaults and check every option.
 * @throws UsageError `invalid <option>: <value>` with what was expected.
 * @example profileOptions({ optLevel: 'fast' as 'all' }); // throws: invalid optLevel: fast
 */
export function profileOptions(partial: Partial<ProfileOptions> = {}): ProfileOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<ProfileOptions>;
  const o: ProfileOptions = { ...DEFAULT_PROFILE_OPTIONS, ...defined };
  positiveInt('runs', o.runs, 1);
  if (o.warmup !== 'auto') positiveInt('warmup', o.warmup, 0);
  positiveInt('threads', o.threads, 0);
  positiveInt('interOpThreads', o.interOpThreads, 0);
  if (!['disabled', 'basic', 'extended', 'all'].includes(o.optLevel)) {
    throw new UsageError(`invalid optLevel: ${String(o.optLevel)} — expected disabled, basic, extended or all`);
  }
  if (!['sequential', 'parallel'].includes(o.executionMode)) {
    throw new UsageError(`invalid executionMode: ${String(o.executionMode)} — expected sequential or parallel`);
  }
  if (!Number.isInteger(o.seed)) throw new UsageError(`invalid seed: ${o.seed} — expected an integer`);
  return o;
}

/** The session options a profile uses (0 threads = onnxruntime's choice). @example sessionOptionsOf(profileOptions()).intraOpThreads; // 1 */
export function sessionOptionsOf(o: ProfileOptions): SessionOptions {
  const s: SessionOptions = { optimizationLevel: o.optLevel, executionMode: o.executionMode, enableCpuMemArena: o.memArena, logSeverityLevel: 3 };
  if (o.threads > 0) s.intraOpThreads = o.threads;
  if (o.interOpThreads > 0) s.interOpThreads = o.interOpThreads;
  return s;
}

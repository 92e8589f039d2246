/**
 * The measurement protocol on one model file, in one process: read the file and create the session
 * (initialization), the first inference, warm-up (a count, or until the run time is stable), N timed runs;
 * then a second, profiled session whose runs are interleaved with runs of the first (the overhead of
 * profiling, measured side by side), its trace written into a private temporary folder that is always removed.
 *
 * @example
 * const m = await measureModel('m.onnx', profileOptions({ runs: 10 }));
 * m.timed; // 10 wall times, ms
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { SessionError, UsageError } from '../errors';
import { openSession, randomInputs, timeRun, type PreparedRun, type Session, type ValueMeta } from '../runtime';
import { residentMemory, resetPeak } from './memory';
import { writeFileAtomic } from '../util/atomicWrite';
import { sessionOptionsOf } from './options';
import { withTempDir } from './tempDir';
import { parseTrace, type ParsedTrace } from './trace';
import type { ProfileOptions } from './types';
import { AUTO_WARMUP_MAX, isStable } from './warmup';

export interface Measurement {
  fileBytes: number;
  readMs: number;
  sessionMs: number;
  firstInferenceMs: number;
  warmupRuns: number;
  /** Unprofiled timed runs, ms. */
  timed: number[];
  /** Interleaved pairs: unprofiled and profiled wall times, ms. */
  plain: number[];
  profiled: number[];
  rssBeforeBytes: number;
  rssAfterInitBytes: number;
  /** VmHWM after the unprofiled runs (before the profiled session existed). */
  peakRssBytes: number;
  trace: ParsedTrace;
  /** Trace run indices of the profiled timed runs. */
  timedTraceRuns: number[];
  /** The model's bytes (for decoding) and the graph onnxruntime optimized, when it saved one. */
  modelBytes: Uint8Array;
  optimizedBytes?: Uint8Array;
}

function checkShapes(inputs: readonly ValueMeta[], shapes: Record<string, number[]>, file: string): void {
  for (const name of Object.keys(shapes)) {
    if (!inputs.some((m) => m.name === name)) {
      throw new UsageError(`model "${file}": --shape ${name}=... names no input (inputs: ${inputs.map((m) => m.name).join(', ')})`);
    }
  }
  for (const m of inputs) {
    if (shapes[m.name] || !m.dims) continue;
    if (m.dims.some((d) => typeof d !== 'number')) {
      const example = m.dims.map((d) => (typeof d === 'number' ? d : 1)).join(',');
      throw new UsageError(`model "${file}": input "${m.name}" has dynamic dimensions [${m.dims.map((d) => d ?? '?').join(', ')}] — ` +
        `give its shape with --shape ${m.name}=${example} (option shapes: { ${JSON.stringify(m.name)}: [${example}] })`);
    }
  }
}

async function warmUp(p: PreparedRun, warmup: number | 'auto'): Promise<number> {
  if (warmup !== 'auto') {
    for (let i = 0; i < warmup; i++) await p.run();
    return warmup;
  }
  const times: number[] = [];
  while (times.length < AUTO_WARMUP_MAX && !isStable(times)) times.push(await timeRun(p));
  return times.length;
}

async function openTimed(bytes: Uint8Array, file: string, o: ProfileOptions, extra = {}): Promise<{ s: Session; ms: number }> {
  const t0 = performance.now();
  const s = await openSession(bytes, { ...sessionOptionsOf(o), externalDataDir: path.dirname(path.resolve(file)), ...extra }).catch((e: Error) => {
    throw new SessionError(`model "${file}": ${e.message.replace(/^session "[^"]*": /, '')}`, { cause: e });
  });
  return { s, ms: performance.now() - t0 };
}

/**
 * Measure one model file under `o`. `keepTrace` copies the Chrome trace out before the folder goes.
 * @throws UsageError for a dynamic input dimension without a shape; SessionError for load/run failures (path and onnxruntime's message).
 * @example const m = await measureModel('/models/m.onnx', profileOptions({ runs: 5, warmup: 1 }));
 */
export async function measureModel(file: string, o: ProfileOptions, keepTrace?: string): Promise<Measurement> {
  const shapes = o.shapes ?? {};
  resetPeak(); // the peak is this model's, not an earlier one's measured in the same process
  const rssBeforeBytes = residentMemory().rss;
  const t0 = performance.now();
  const modelBytes: Uint8Array = fs.readFileSync(file); // a Buffer is a Uint8Array: no second copy inside the timed read
  const readMs = performance.now() - t0;
  const { s: plainSession, ms: sessionMs } = await openTimed(modelBytes, file, o);
  try {
    const rssAfterInitBytes = residentMemory().rss;
    checkShapes(plainSession.inputs, shapes, file);
    const feeds = randomInputs(plainSession, o.seed, shapes);
    const plain = plainSession.prepare(feeds);
    const firstInferenceMs = await timeRun(plain);
    const warmupRuns = await warmUp(plain, o.warmup);
    const timed: number[] = [];
    for (let i = 0; i < o.runs; i++) timed.push(await timeRun(plain));
    const peakRssBytes = residentMemory().peak;
    return await withTempDir('layerlab-profile-', async (dir) => {
      const optimizedPath = path.join(dir, 'optimized.onnx');
      const { s: prof } = await openTimed(modelBytes, file, o, { profileFilePrefix: path.join(dir, 'profile'), optimizedModelFilePath: optimizedPath });
      const plainPairs: number[] = [], profiled: number[] = [];
      try {
        const p = prof.prepare(feeds);
        await p.run();
        for (let i = 0; i < warmupRuns; i++) await p.run();
        for (let i = 0; i < o.runs; i++) {
          // alternate the order (ABBA) so that neither session always runs on a cache the other warmed
          if (i % 2 === 0) { plainPairs.push(await timeRun(plain)); profiled.push(await timeRun(p)); }
          else { profiled.push(await timeRun(p)); plainPairs.push(await timeRun(plain)); }
        }
        prof.endProfiling();
      } finally {
        await prof.release();
      }
      const traceFile = fs.readdirSync(dir).filter((f) => f.startsWith('profile') && f.endsWith('.json')).map((f) => path.join(dir, f))[0];
      if (!traceFile) throw new SessionError(`model "${file}": onnxruntime wrote no profiling trace in ${dir}`);
      const trace = parseTrace(JSON.parse(fs.readFileSync(traceFile, 'utf8')), traceFile);
      if (keepTrace) writeFileAtomic(keepTrace, fs.readFileSync(traceFile));
      const timedTraceRuns = trace.runs.slice(-o.runs).map((r) => r.index);
      const optimizedBytes = fs.existsSync(optimizedPath) ? fs.readFileSync(optimizedPath) : undefined;
      return {
        fileBytes: modelBytes.byteLength, readMs, sessionMs, firstInferenceMs, warmupRuns, timed, plain: plainPairs, profiled,
        rssBeforeBytes, rssAfterInitBytes, peakRssBytes, trace, timedTraceRuns, modelBytes, optimizedBytes,
      };
    });
  } finally {
    await plainSession.release();
  }
}

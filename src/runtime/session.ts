/**
 * A thin wrapper over an onnxruntime-node `InferenceSession` (this folder is the only importer of
 * onnxruntime-node): typed options, plain-data input/output metadata (dynamic dims as `null` or their
 * symbolic name) and plain-data tensors in and out.
 *
 * @example
 * const s = await openSession('net.onnx', { intraOpThreads: 1, optimizationLevel: 'all' });
 * const out = await s.run({ data: { type: 'float32', dims: [1, 3, 224, 224], data: new Float32Array(150528) } });
 * await s.release();
 */
import * as ort from 'onnxruntime-node';
import { SessionError } from '../errors';
import type { Dim } from '../graph/types';

export type OptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all';

export interface SessionOptions {
  /** Threads used inside one operator (onnxruntime's intra_op_num_threads); default: onnxruntime's choice. */
  intraOpThreads?: number;
  /** Threads used across operators in parallel execution mode. */
  interOpThreads?: number;
  /** Graph optimization level; default 'all'. */
  optimizationLevel?: OptimizationLevel;
  executionMode?: 'sequential' | 'parallel';
  enableCpuMemArena?: boolean;
  /** onnxruntime log severity, 0 (verbose) .. 4 (fatal); default 3 (errors only). */
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  /** Turn onnxruntime's profiler on; the trace is written as `<prefix>_<date>.json` at `endProfiling()`. */
  profileFilePrefix?: string;
  /** Where onnxruntime saves the graph it optimized (to map fused node names back to the original ones). */
  optimizedModelFilePath?: string;
  /**
   * The folder external data files are read from when the model is given as bytes (onnxruntime refuses
   * external data of an in-memory model otherwise). Give the model file's folder.
   */
  externalDataDir?: string;
}

/** A run with its input tensors converted once: what timed loops call, so that only `session.run` is timed. */
export interface PreparedRun {
  /** Run once and discard the outputs. */
  run(): Promise<void>;
}

/** Element type names as onnxruntime uses them ('float32', 'int64', 'bool', ...). */
export type TensorType = ort.Tensor.Type;

export type TensorData = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array
  | Uint32Array | BigInt64Array | BigUint64Array | string[];

/** A plain-data tensor: what `run` takes and returns. float16 data are Uint16 bit patterns, bool data 0/1 bytes. */
export interface HostTensor { type: TensorType; dims: number[]; data: TensorData }

/** One input or output as the session sees it. `type` and `dims` are null for non-tensor values. */
export interface ValueMeta { name: string; isTensor: boolean; type: TensorType | null; dims: Dim[] | null }

export interface Session {
  /** The model path, or `<N-byte model>` for in-memory models. */
  readonly source: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputs: readonly ValueMeta[];
  readonly outputs: readonly ValueMeta[];
  /** Run the model on `feeds` (one tensor per input) and return every output. */
  run(feeds: Record<string, HostTensor>): Promise<Record<string, HostTensor>>;
  /** Convert `feeds` once for repeated runs. */
  prepare(feeds: Record<string, HostTensor>): PreparedRun;
  /** Stop profiling and write the trace (a no-op without `profileFilePrefix`). */
  endProfiling(): void;
  /** Free the native session. The session cannot be used afterwards. */
  release(): Promise<void>;
}

function toOrtOptions(opts: SessionOptions): ort.InferenceSession.SessionOptions {
  const level = opts.optimizationLevel ?? 'all';
  switch (level) {
    case 'disabled': case 'basic': case 'extended': case 'all': break;
    default: throw new SessionError(`invalid optimizationLevel: ${String(level)} — expected disabled, basic, extended or all`);
  }
  const out: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: level, logSeverityLevel: opts.logSeverityLevel ?? 3,
  };
  if (opts.intraOpThreads !== undefined) out.intraOpNumThreads = opts.intraOpThreads;
  if (opts.interOpThreads !== undefined) out.interOpNumThreads = opts.interOpThreads;
  if (opts.executionMode !== undefined) out.executionMode = opts.executionMode;
  if (opts.enableCpuMemArena !== undefined) out.enableCpuMemArena = opts.enableCpuMemArena;
  if (opts.profileFilePrefix !== undefined) { out.enableProfiling = true; out.profileFilePrefix = opts.profileFilePrefix; }
  if (opts.optimizedModelFilePath !== undefined) out.optimizedModelFilePath = opts.optimizedModelFilePath;
  if (opts.externalDataDir !== undefined) out.extra = { session: { model_external_initializers_file_folder_path: opts.externalDataDir } };
  return out;
}

function toMeta(m: ort.InferenceSession.ValueMetadata): ValueMeta {
  if (!m.isTensor) return { name: m.name, isTensor: false, type: null, dims: null };
  return { name: m.name, isTensor: true, type: m.type, dims: m.shape.map((d) => (typeof d === 'number' ? d : d === '' ? null : d)) };
}

function fromOrt(name: string, v: ort.OnnxValue, source: string): HostTensor {
  if (!(v instanceof ort.Tensor)) throw new SessionError(`session "${source}": output "${name}" is not a tensor`);
  return { type: v.type as TensorType, dims: [...v.dims], data: v.data as TensorData };
}

/**
 * Create an onnxruntime session (CPU) for a model file or model bytes.
 * @example const s = await openSession(fs.readFileSync('net.onnx'), { optimizationLevel: 'disabled' }); s.inputs[0].dims; // [1, 3, 224, 224]
 * @throws SessionError with the path and onnxruntime's message when the model cannot be loaded.
 */
export async function openSession(model: string | Uint8Array, opts: SessionOptions = {}): Promise<Session> {
  const source = typeof model === 'string' ? model : `<${model.byteLength}-byte model>`;
  const options = toOrtOptions(opts);
  let s: ort.InferenceSession;
  try {
    s = typeof model === 'string' ? await ort.InferenceSession.create(model, options)
      : await ort.InferenceSession.create(model, options);
  } catch (e) {
    throw new SessionError(`session "${source}": onnxruntime cannot load the model — ${(e as Error).message}`, { cause: e });
  }
  let released = false;
  const profiling = opts.profileFilePrefix !== undefined;
  const session: Session = {
    source,
    inputNames: [...s.inputNames],
    outputNames: [...s.outputNames],
    inputs: s.inputMetadata.map(toMeta),
    outputs: s.outputMetadata.map(toMeta),
    async run(feeds) {
      if (released) throw new SessionError(`session "${source}": run() after release()`);
      const out = await runOrt(s, toOrtFeeds(feeds), source, feeds);
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, fromOrt(k, v, source)]));
    },
    prepare(feeds) {
      const ortFeeds = toOrtFeeds(feeds);
      return {
        async run() {
          if (released) throw new SessionError(`session "${source}": run() after release()`);
          await runOrt(s, ortFeeds, source, feeds);
        },
      };
    },
    endProfiling() {
      if (profiling && !released) s.endProfiling();
    },
    async release() {
      if (released) return;
      released = true;
      await s.release();
    },
  };
  NATIVE.set(session, s);
  return session;
}

/** The onnxruntime sessions behind Sessions, for `nativeSession` (benchmarks comparing with the bare library). */
const NATIVE = new WeakMap<Session, ort.InferenceSession>();

/**
 * The bare onnxruntime session behind a Session and onnxruntime's Tensor class: for benchmarks that compare
 * layerlab's loops with a bare `session.run` loop on the same session. Not for the library's own use.
 * @example const { session, Tensor } = nativeSession(s); await session.run({ data: new Tensor('float32', x, dims) });
 */
export function nativeSession(s: Session): { session: ort.InferenceSession; Tensor: typeof ort.Tensor } {
  const native = NATIVE.get(s);
  if (!native) throw new SessionError(`session "${s.source}": not created by openSession`);
  return { session: native, Tensor: ort.Tensor };
}

function toOrtFeeds(feeds: Record<string, HostTensor>): Record<string, ort.Tensor> {
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
  return ortFeeds;
}

/** onnxruntime names the failing node as `Name:'conv1'` in its messages; repeat it up front. */
function failingNode(message: string): string {
  const m = /Name:'([^']*)'/.exec(message);
  return m ? `node "${m[1]}" failed — ` : '';
}

async function runOrt(s: ort.InferenceSession, feeds: Record<string, ort.Tensor>, source: string,
  host: Record<string, HostTensor>): Promise<ort.InferenceSession.ReturnType> {
  try {
    return await s.run(feeds);
  } catch (e) {
    const msg = (e as Error).message;
    throw new SessionError(`session "${source}": run failed with inputs [${Object.keys(host).join(', ')}] — ${failingNode(msg)}${msg}`, { cause: e });
  }
}

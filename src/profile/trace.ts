/**
 * onnxruntime's profiling trace (Chrome trace JSON: an array of `ph: "X"` events, ts/dur in microseconds)
 * parsed into plain records: one NodeRecord per `cat: "Node"` `<node>_kernel_time` event, assigned to the
 * `model_run` (cat "Session") whose time window contains it; the run durations; the session's load and
 * initialization times; and the memory arena figures the node events carry (`mem_arena_held`...).
 *
 * @example
 * const t = parseTrace(JSON.parse(fs.readFileSync('prof.json', 'utf8')), 'prof.json');
 * t.nodes.filter((n) => n.run === 3).map((n) => [n.node, n.ms]);
 */
import { LayerlabError } from '../errors';
import type { NodeRecord } from './types';

export interface TraceRun { index: number; ms: number; startUs: number }

export interface ParsedTrace {
  nodes: NodeRecord[];
  /** Every `model_run`, in time order. */
  runs: TraceRun[];
  /** `model_loading_*` and `session_initialization` durations, ms, when present. */
  loadMs?: number;
  initMs?: number;
  /** Maxima over node events of onnxruntime's memory figures (bytes); undefined when the trace has none. */
  arena?: Record<string, number>;
}

interface RawEvent { cat?: unknown; name?: unknown; ts?: unknown; dur?: unknown; args?: Record<string, unknown> }

/** Trace argument -> arena figure name. */
const ARENA_KEYS: Record<string, string> = {
  mem_arena_held: 'arenaHeldBytes',
  mem_in_use_peak: 'inUsePeakBytes',
  mem_bytes_in_use: 'inUseBytes',
  mem_bytes_requested_in_use: 'requestedInUseBytes',
};

const KERNEL_SUFFIX = '_kernel_time';

function shapes(v: unknown): number[][] {
  if (!Array.isArray(v)) return [];
  return v.map((entry) => {
    const dims = entry && typeof entry === 'object' ? Object.values(entry as Record<string, unknown>)[0] : undefined;
    return Array.isArray(dims) ? dims.map(Number) : [];
  });
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Parse a trace (the JSON value, an array of events) into records.
 * @throws LayerlabError naming `source` when the value is not an array of trace events.
 * @example parseTrace([{ cat: 'Session', name: 'model_run', ts: 0, dur: 10 }], 't.json').runs; // [{ index: 0, ms: 0.01, startUs: 0 }]
 */
export function parseTrace(value: unknown, source: string): ParsedTrace {
  if (!Array.isArray(value)) throw new LayerlabError(`trace "${source}": not a Chrome trace — expected a JSON array of events, got ${typeof value}`);
  const events = value as RawEvent[];
  const runEvents = events
    .filter((e) => e && e.cat === 'Session' && e.name === 'model_run' && num(e.ts) !== undefined)
    .sort((a, b) => num(a.ts)! - num(b.ts)!);
  const runs: TraceRun[] = runEvents.map((e, index) => ({ index, ms: (num(e.dur) ?? 0) / 1000, startUs: num(e.ts)! }));
  const runOf = (ts: number): number => {
    let r = 0;
    for (const run of runs) if (run.startUs <= ts) r = run.index;
    return r;
  };
  const nodes: NodeRecord[] = [];
  const starts: number[] = [];
  const arena: Record<string, number> = {};
  let loadMs: number | undefined, initMs: number | undefined;
  for (const e of events) {
    if (!e || typeof e.name !== 'string') continue;
    if (e.cat === 'Session') {
      if (e.name.startsWith('model_loading')) loadMs = (num(e.dur) ?? 0) / 1000;
      else if (e.name === 'session_initialization') initMs = (num(e.dur) ?? 0) / 1000;
      continue;
    }
    if (e.cat !== 'Node' || !e.name.endsWith(KERNEL_SUFFIX)) continue;
    const args = e.args ?? {};
    const ts = num(e.ts);
    if (ts === undefined) throw new LayerlabError(`trace "${source}": node event "${e.name}" has no timestamp`);
    starts.push(ts);
    nodes.push({
      node: e.name.slice(0, -KERNEL_SUFFIX.length),
      opType: typeof args.op_name === 'string' ? args.op_name : '',
      provider: typeof args.provider === 'string' ? args.provider : '',
      ms: (num(e.dur) ?? 0) / 1000,
      run: runOf(ts),
      ...(runs.length > 0 ? { startMs: (ts - runs[runOf(ts)].startUs) / 1000 } : {}),
      inputShapes: shapes(args.input_type_shape),
      outputShapes: shapes(args.output_type_shape),
    });
    for (const [key, figure] of Object.entries(ARENA_KEYS)) {
      const v = num(args[key]);
      if (v !== undefined) arena[figure] = Math.max(arena[figure] ?? 0, v);
    }
  }
  const order = nodes.map((n, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
  return {
    nodes: order.map((i) => nodes[i]), runs, loadMs, initMs,
    arena: Object.keys(arena).length > 0 ? arena : undefined,
  };
}

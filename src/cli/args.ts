/**
 * A small command-line parser: declared flags only, repeated flags collected, `--flag=value` and
 * `--flag value` both accepted, unknown flags refused with a clear message.
 *
 * @example
 * const a = parseArgs(['m.onnx', '--remove-op', 'LRN', '-o', 'out.onnx'], {
 *   'remove-op': { type: 'string', multiple: true }, o: { type: 'string', alias: 'output' } });
 * a.positionals // ['m.onnx']; a.flags['remove-op'] // ['LRN']
 */
import { UsageError } from '../errors';

export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Another accepted spelling (e.g. `output` for `o`). */
  alias?: string;
  description?: string;
}

export interface Parsed {
  positionals: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): Parsed {
  const byName = new Map<string, string>();
  for (const [k, s] of Object.entries(spec)) {
    byName.set(k, k);
    if (s.alias) byName.set(s.alias, k);
  }
  const flags: Parsed['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const rawName = eq >= 0 ? body.slice(0, eq) : body;
    const key = byName.get(rawName);
    if (!key) {
      const known = Object.keys(spec).map((k) => (k.length === 1 ? `-${k}` : `--${k}`)).join(', ');
      throw new UsageError(`unknown option: ${arg} (known: ${known || 'none'})`);
    }
    const s = spec[key];
    if (s.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${rawName} takes no value: ${arg}`);
      flags[key] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`option ${arg} needs a value`);
      value = argv[++i];
    }
    if (s.multiple) flags[key] = [...((flags[key] as string[] | undefined) ?? []), value];
    else flags[key] = value;
  }
  return { positionals, flags };
}


/** An optional integer flag (>= `min`), or undefined when absent; anything else is refused with the flag's name. */
export function optionalInt(p: Parsed, name: string, min = 0): number | undefined {
  const v = p.flags[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`invalid --${name}: ${String(v)} (expected an integer >= ${min})`);
  return n;
}

/** `--warmup K|auto`: a run count, or `auto` (until the run time is stable). */
export function warmupFlag(p: Parsed, name = 'warmup'): number | 'auto' | undefined {
  if (p.flags[name] === 'auto') return 'auto';
  try {
    return optionalInt(p, name, 0);
  } catch (e) {
    throw new UsageError(`invalid --${name}: ${String(p.flags[name])} (expected a count or auto)`, { cause: e });
  }
}

/**
 * Repeated `name=d1,d2,...` values (e.g. `--shape data=1,3,224,224`, `x` also separates) as input shapes.
 * @example shapeFlags(parseArgs(['--shape', 'data=1,3,8,8'], { shape: { type: 'string', multiple: true } }), 'shape') // { data: [1, 3, 8, 8] }
 */
export function shapeFlags(p: Parsed, name: string): Record<string, number[]> | undefined {
  const values = p.flags[name] as string[] | undefined;
  if (values === undefined) return undefined;
  const out: Record<string, number[]> = {};
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    const parts = eq > 0 ? v.slice(eq + 1).split(/[,x]/).map((d) => d.trim()) : [];
    const dims = parts.map(Number);
    if (eq <= 0 || parts.some((d) => d === '') || !dims.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new UsageError(`invalid --${name}: ${v} (expected name=d1,d2,..., e.g. data=1,3,224,224)`);
    }
    out[v.slice(0, eq)] = dims;
  }
  return out;
}

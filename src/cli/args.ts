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

/** Read a numeric flag, refusing non-numbers with the flag's name. */
export function numberFlag(p: Parsed, name: string, fallback: number): number {
  const v = p.flags[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`invalid --${name}: ${String(v)} (expected a number)`);
  return n;
}

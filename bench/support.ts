/**
 * Shared pieces of the benchmarks: medians, peak memory of a child process, results files with the
 * environment record.
 *
 * @example
 * writeBenchResult('codec', { ratio: 1.8 });
 */
import * as fs from 'fs';
import * as path from 'path';
import { environmentRecord } from '../src/env/record';
import { projectRoot } from '../src/registry/settings';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak resident memory of this process so far (VmHWM), in bytes. */
export function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Current resident memory (VmRSS), in bytes. */
export function currentRss(): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Write `bench/results/<name>.json` with the environment record; returns the path. */
export function writeBenchResult(name: string, figures: Record<string, unknown>): string {
  const dir = path.join(projectRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ benchmark: name, environment: environmentRecord(), ...figures }, null, 2) + '\n');
  return file;
}

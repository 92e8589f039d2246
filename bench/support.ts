/**
 * Shared pieces of the benchmarks: the data root, memory readings and results files with the environment
 * record (statistics come from src/profile/stats.ts, memory from src/profile/memory.ts).
 *
 * @example
 * writeBenchResult('codec', { ratio: 1.8 });
 */
import * as path from 'path';
import { environmentRecord } from '../src/env/record';
import { residentMemory } from '../src/profile/memory';
import { projectRoot } from '../src/registry/settings';
import { writeFileAtomic } from '../src/util/atomicWrite';

export { median } from '../src/profile/stats';

/** Where the benchmarks read models and images: LAYERLAB_DATA, else ../shared beside the project. */
export function benchDataRoot(): string {
  return process.env.LAYERLAB_DATA ? path.resolve(process.env.LAYERLAB_DATA) : path.resolve(projectRoot(), '..', 'shared');
}

/** Peak resident memory of this process so far (VmHWM), in bytes. */
export const peakRss = (): number => residentMemory().peak;

/** Current resident memory (VmRSS), in bytes. */
export const currentRss = (): number => residentMemory().rss;

/** Write `bench/results/<name>.json` (atomically) with the environment record; returns the path. */
export function writeBenchResult(name: string, figures: Record<string, unknown>): string {
  return writeFileAtomic(path.join(projectRoot(), 'bench', 'results', `${name}.json`),
    JSON.stringify({ benchmark: name, environment: environmentRecord(), ...figures }, null, 2) + '\n');
}

/**
 * Benchmark: profiling overhead (median profiled run / median unprofiled run, interleaved in one process) and
 * coverage (node time / profiled run time) for the study's networks: alexnet, nin, googlenet (Caffe imports with
 * seeded random weights), one thread, optimization 'basic' and 'all'. Targets: overhead < 1.05, coverage > 0.95.
 * Run: `npm run bench -- profiling` (or node dist/bench/profiling.js).
 */
import * as path from 'path';
import { profileModel } from '../src/profile/profile';
import { settingsFrom } from '../src/registry';
import { benchDataRoot, writeBenchResult } from './support';

const RUNS = Number(process.env.RUNS ?? 20);

async function main(): Promise<void> {
  const settings = settingsFrom({ ...process.env, LAYERLAB_DATA: benchDataRoot() });
  const rows: Record<string, unknown>[] = [];
  for (const name of ['alexnet', 'nin', 'googlenet']) {
    for (const optLevel of ['basic', 'all'] as const) {
      const r = await profileModel(name, settings, { runs: RUNS, warmup: 'auto', threads: 1, optLevel });
      const row = { model: name, optLevel, runs: RUNS, medianMs: r.inference.median, overhead: r.overhead, coverage: r.coverage,
        pass: r.overhead < 1.05 && r.coverage > 0.95 };
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  console.log(writeBenchResult('profiling', { targets: { overhead: '< 1.05', coverage: '> 0.95' }, rows }));
}

void main();

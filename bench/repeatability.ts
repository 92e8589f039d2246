/**
 * Benchmark: repeatability across processes: the median inference time of `PROCESSES` fresh processes (each
 * loads the model, warms up and times `RUNS` runs, one thread), and their coefficient of variation (std / mean).
 * Run: `npm run bench -- repeatability` (or node dist/bench/repeatability.js [model]).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { profileModel } from '../src/profile/profile';
import { mean, std } from '../src/profile/stats';
import { settingsFrom } from '../src/registry';
import { benchDataRoot, writeBenchResult } from './support';

const PROCESSES = Number(process.env.PROCESSES ?? 5);
const RUNS = Number(process.env.RUNS ?? 30);

async function child(model: string): Promise<void> {
  const settings = settingsFrom({ ...process.env, LAYERLAB_DATA: benchDataRoot() });
  const r = await profileModel(model, settings, { runs: RUNS, warmup: 'auto', threads: 1, optLevel: 'all' });
  process.stdout.write(JSON.stringify({ medianMs: r.inference.median, iqrMs: r.inference.iqr }));
}

function parent(model: string): void {
  const medians: number[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const out = JSON.parse(execFileSync(process.execPath, [__filename, '--child', model], { encoding: 'utf8' })) as { medianMs: number };
    medians.push(out.medianMs);
    console.log(`process ${i + 1}: median ${out.medianMs.toFixed(3)} ms`);
  }
  const cv = std(medians) / mean(medians);
  console.log(`coefficient of variation of the medians: ${(cv * 100).toFixed(2)}%`);
  console.log(writeBenchResult('repeatability', { model, processes: PROCESSES, runsPerProcess: RUNS, threads: 1, medians, meanOfMediansMs: mean(medians), cv }));
}

const args = process.argv.slice(2);
if (args[0] === '--child') void child(args[1]);
else parent(args[0] ?? 'squeezenet1.1');

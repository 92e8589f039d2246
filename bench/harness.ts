/**
 * Benchmark: layerlab's timed loop (Session.prepare + timeRun) against a bare onnxruntime `session.run` loop on
 * the same session and the same input tensors. Target: ratio of medians < 1.01.
 *
 * One thread first, then onnxruntime's default; `ROUNDS` rounds of `RUNS` runs per loop, the two loops
 * interleaved run by run (alternating which goes first), so both see the same machine state.
 * Run: `npm run bench -- harness` (or node dist/bench/harness.js).
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import { nativeSession, openSession, randomInputs, timeRun } from '../src/runtime';
import { benchDataRoot, median, writeBenchResult } from './support';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const RUNS = Number(process.env.RUNS ?? 40);

async function measure(file: string, threads: number | undefined): Promise<Record<string, unknown>> {
  const s = await openSession(file, threads === undefined ? {} : { intraOpThreads: threads, interOpThreads: 1 });
  try {
    const feeds = randomInputs(s, 0);
    const prepared = s.prepare(feeds);
    const { session, Tensor } = nativeSession(s);
    const bareFeeds = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new Tensor(t.type as 'float32', t.data as Float32Array, t.dims)]));
    const bare = async (): Promise<number> => { const t0 = performance.now(); await session.run(bareFeeds); return performance.now() - t0; };
    for (let i = 0; i < 10; i++) { await prepared.run(); await session.run(bareFeeds); }
    const ratios: number[] = [], ours: number[] = [], theirs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const a: number[] = [], b: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if ((i + r) % 2 === 0) { a.push(await timeRun(prepared)); b.push(await bare()); }
        else { b.push(await bare()); a.push(await timeRun(prepared)); }
      }
      ratios.push(median(a) / median(b));
      ours.push(median(a)); theirs.push(median(b));
    }
    return { threads: threads ?? 'default', rounds: ROUNDS, runsPerRound: RUNS, ratioOfMedians: median(ratios), ratios,
      layerlabMedianMs: median(ours), bareMedianMs: median(theirs), target: '< 1.01', pass: median(ratios) < 1.01 };
  } finally {
    await s.release();
  }
}

async function main(): Promise<void> {
  const dataRoot = benchDataRoot();
  const file = path.join(dataRoot, 'models/onnx/squeezenet1.1.onnx');
  const results = [await measure(file, 1), await measure(file, undefined)];
  for (const r of results) console.log(`threads ${r.threads}: layerlab/bare ratio of medians ${(r.ratioOfMedians as number).toFixed(4)} (${(r.layerlabMedianMs as number).toFixed(3)} vs ${(r.bareMedianMs as number).toFixed(3)} ms)`);
  console.log(writeBenchResult('harness', { model: 'squeezenet1.1', results }));
}

void main();

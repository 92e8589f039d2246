/**
 * Benchmark: decode + encode of an AlexNet-sized model (about 244 MB of weights, generated from the zoo's
 * AlexNet graph with randomizeWeights), against reading and writing the same bytes with fs.
 * Targets: time ratio under 3, peak memory under 3x the file size.
 *
 * Three kinds of child process, each run `REPEATS` times in turn (fresh processes, so peak memory is each
 * one's own); figures are medians:
 * - `fs`: readFileSync + writeFileSync of the bytes;
 * - `fs-atomic`: readFileSync + the atomic, fsync'd write layerlab uses for models (same I/O as `codec`);
 * - `codec`: readFileSync + decodeModel + writeModel (encodeModelChunks + the same atomic write).
 * Run: `npm run bench -- codec` (or node dist/bench/codec.js).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeModel, readModel, writeModel } from '../src/onnx';
import { writeFileAtomicAsync } from '../src/util/atomicWrite';
import { randomizeWeights } from '../src/graph/randomize';
import { benchDataRoot, currentRss, median, peakRss, writeBenchResult } from './support';

const REPEATS = Number(process.env.REPEATS ?? 5);

/** Child mode: one measurement, printed as JSON. */
async function child(kind: string, file: string, out: string): Promise<void> {
  const base = currentRss();
  const t0 = process.hrtime.bigint();
  const bytes = fs.readFileSync(file);
  if (kind === 'fs') fs.writeFileSync(out, bytes);
  else if (kind === 'fs-atomic') await writeFileAtomicAsync(out, bytes);
  else await writeModel(out, decodeModel(bytes, { source: file, baseDir: path.dirname(file) }));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, peakBytes: peakRss(), baseBytes: base }));
}

async function parent(): Promise<void> {
  const dataRoot = benchDataRoot();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-codec-'));
  try {
    const src = path.join(dataRoot, 'models/onnx/light_bvlc_alexnet.onnx');
    const file = path.join(tmp, 'alexnet-random.onnx');
    await writeModel(file, randomizeWeights(await readModel(src), 7));
    const fileBytes = fs.statSync(file).size;
    const runs: Record<string, { ms: number; peakBytes: number; baseBytes: number }[]> = { fs: [], 'fs-atomic': [], codec: [] };
    for (let i = 0; i < REPEATS; i++) {
      for (const kind of Object.keys(runs)) {
        const r = execFileSync(process.execPath, [__filename, '--child', kind, file, path.join(tmp, `out-${kind}.onnx`)], { encoding: 'utf8', maxBuffer: 1 << 20 });
        runs[kind].push(JSON.parse(r));
      }
    }
    // The re-encoded file must decode to the same model (the benchmark measures a correct round trip).
    const again = decodeModel(fs.readFileSync(path.join(tmp, 'out-codec.onnx')));
    const orig = await readModel(file);
    if (again.graph.initializers.length !== orig.graph.initializers.length) throw new Error('round trip lost initializers');
    const fsMs = median(runs.fs.map((r) => r.ms)), codecMs = median(runs.codec.map((r) => r.ms));
    const fsAtomicMs = median(runs['fs-atomic'].map((r) => r.ms));
    const peak = median(runs.codec.map((r) => r.peakBytes)), peakFs = median(runs.fs.map((r) => r.peakBytes));
    const base = median(runs.codec.map((r) => r.baseBytes));
    const figures = {
      fileBytes, repeats: REPEATS,
      fsReadWriteMs: { median: fsMs, all: runs.fs.map((r) => r.ms) },
      fsReadAtomicWriteMs: { median: fsAtomicMs, all: runs['fs-atomic'].map((r) => r.ms) },
      decodeEncodeMs: { median: codecMs, all: runs.codec.map((r) => r.ms) },
      timeRatio: codecMs / fsMs, timeRatioSameWrite: codecMs / fsAtomicMs, timeRatioTarget: 3,
      peakRssBytes: peak, peakRssFsBytes: peakFs, baselineRssBytes: base,
      peakMemoryMultiple: peak / fileBytes,
      peakMemoryAboveBaselineMultiple: (peak - base) / fileBytes, peakMemoryTarget: 3,
      note: 'codec = read file -> decode to IR -> writeModel (encode to chunks, atomic fsync\'d write); timeRatio is against readFileSync+writeFileSync, timeRatioSameWrite against readFileSync+the same atomic write; each in a fresh node process; peak = VmHWM of that process',
    };
    const out = writeBenchResult('codec', figures);
    console.log(JSON.stringify(figures, null, 2));
    console.log(`wrote ${out}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4], process.argv[5]).catch((e) => { console.error(e); process.exitCode = 1; });
else parent().catch((e) => { console.error(e); process.exitCode = 1; });

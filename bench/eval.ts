/**
 * Benchmark: evaluation throughput (images/s) end to end — read, hash, decode, resize, preprocess, infer —
 * against inference alone on tensors already in memory, cold (empty tensor cache) and warm (every tensor
 * cached). Target: warm end to end at least 0.8 of inference alone.
 *
 * SqueezeNet 1.1 (torchvision preset) on the first N images of val-1300, onnxruntime with 1 intra-op thread
 * (then THREADS if set); cold once, then warm and inference-alone alternating REPEATS times; medians.
 * Run: `npm run bench -- eval` (or node dist/bench/eval.js). Env: N (default 400), REPEATS (3), THREADS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadDataset } from '../src/data/dataset';
import { loadPreset } from '../src/data/preset';
import { preparePreset } from '../src/data/preprocess';
import { prepareImage } from '../src/data/prepare';
import { tensorCache } from '../src/data/cache';
import { evaluate } from '../src/eval/evaluate';
import { openSession } from '../src/runtime';
import { benchDataRoot, median, writeBenchResult } from './support';

const N = Number(process.env.N ?? 400);
const REPEATS = Number(process.env.REPEATS ?? 3);

async function main(): Promise<void> {
  const dataRoot = benchDataRoot();
  const model = path.join(dataRoot, 'models/onnx/squeezenet1.1.onnx');
  const ds = loadDataset(path.join(dataRoot, 'data/imagenet/val-1300'), { labels: path.join(dataRoot, 'data/imagenet/labels/val.txt') });
  const prep = await preparePreset(loadPreset('torchvision'), { dataRoot });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-eval-'));
  const figures: Record<string, unknown> = { model: 'squeezenet1.1', preset: 'torchvision', images: N, repeats: REPEATS };
  try {
    for (const threads of [1, ...(process.env.THREADS ? [Number(process.env.THREADS)] : [])]) {
      const session = await openSession(model, { intraOpThreads: threads });
      const cacheDir = path.join(tmp, `cache-${threads}`);
      const cold = await evaluate(session, ds, prep, { cacheDir, limit: N });
      // Inference alone: the same tensors, already in memory.
      const cache = tensorCache(path.join(cacheDir, 'tensors'));
      const tensors = [];
      for (const it of ds.items.slice(0, N)) tensors.push((await prepareImage(it.file, prep, cache)).tensor);
      const warm: number[] = [], infer: number[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const w = await evaluate(session, ds, prep, { cacheDir, limit: N });
        if (w.timing.cachedTensors !== N) throw new Error(`warm run decoded ${w.timing.decoded} images`);
        warm.push(w.timing.imagesPerSecond);
        const t0 = process.hrtime.bigint();
        for (const t of tensors) await session.run({ data: { type: 'float32', dims: [1, ...t.dims], data: t.data } });
        infer.push(N / (Number(process.hrtime.bigint() - t0) / 1e9));
      }
      await session.release();
      const inferMedian = median(infer), warmMedian = median(warm);
      figures[`threads${threads}`] = {
        inferenceAloneImagesPerSecond: { median: inferMedian, all: infer },
        endToEndWarmImagesPerSecond: { median: warmMedian, all: warm },
        endToEndColdImagesPerSecond: cold.timing.imagesPerSecond,
        warmOverInference: warmMedian / inferMedian, target: 0.8,
        coldOverInference: cold.timing.imagesPerSecond / inferMedian,
        top1: cold.top1.rate,
      };
    }
    figures.note = 'end to end = evaluate() on a session opened once: read file, sha256, cache lookup or decode+resize+preprocess, infer batch 1, top-5; inference alone = session.run on in-memory tensors';
    const out = writeBenchResult('eval', figures);
    console.log(JSON.stringify(figures, null, 2));
    console.log(`wrote ${out}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });

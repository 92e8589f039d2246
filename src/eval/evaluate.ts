/**
 * Top-1/top-5 accuracy of a classifier on a labelled image folder: images are decoded and preprocessed
 * ahead of inference (a bounded prefetch queue, through the tensor cache), batched when the model's batch
 * dimension allows, and scored with a softmax when the model outputs logits.
 *
 * The model may be a file path, model bytes, an in-memory IR `Model` (an ablated variant: encoded in
 * memory, never written) or an open `Session` (left open).
 *
 * @example
 * const ds = loadDataset('/work/shared/data/imagenet/val-1300', { labels: '/work/shared/data/imagenet/labels/val.txt' });
 * const r = await evaluate('/work/shared/models/onnx/squeezenet1.1.onnx', ds, 'torchvision', { dataRoot: '/work/shared', cacheDir: 'cache' });
 * r.top1.rate // about 0.70
 */
import * as path from 'path';
import { DatasetError, UsageError } from '../errors';
import type { Model } from '../graph/types';
import { encodeModel } from '../onnx';
import { openSession, type HostTensor, type Session, type SessionOptions } from '../runtime';
import { tensorCache } from '../data/cache';
import type { Dataset, DatasetItem } from '../data/dataset';
import { prefetch } from '../data/prefetch';
import { prepareImage, type PreparedImage } from '../data/prepare';
import { loadPreset, type Preset } from '../data/preset';
import { preparePreset, type PreparedPreset } from '../data/preprocess';
import { looksLikeProbabilities, softmax, topK } from './scores';
import { wilson } from './stats';
import type { Accuracy, EvalRecord, EvalResult } from './types';

export type ModelInput = string | Uint8Array | Model | Session;

export interface EvaluateOptions {
  /** Data root for built-in presets' mean images (settings.dataRoot). Required when the preset uses a mean image. */
  dataRoot?: string;
  /** Cache root (settings.cacheDir): tensors are cached under `<cacheDir>/tensors/`. No caching when omitted. */
  cacheDir?: string;
  /** Evaluate only the first N images (in the dataset's order). */
  limit?: number;
  /** Batch size when the model's batch dimension is dynamic; default 8. A fixed batch dimension is used as is. */
  batchSize?: number;
  /** Images decoded in parallel; default 2. */
  concurrency?: number;
  /** Session options when the model is not a Session (default: onnxruntime's threads, optimization 'all'). */
  session?: SessionOptions;
  /** Input and output to use; default the first of each. */
  inputName?: string;
  outputName?: string;
  /** Called after each batch with the number of images done (evaluated + skipped) and the total. */
  onProgress?: (done: number, total: number) => void;
}

function isSession(m: ModelInput): m is Session {
  return typeof m === 'object' && m !== null && 'run' in m && 'inputNames' in m;
}

async function sessionFor(model: ModelInput, opts: SessionOptions | undefined): Promise<{ session: Session; owned: boolean }> {
  if (isSession(model)) return { session: model, owned: false };
  if (typeof model === 'string' || model instanceof Uint8Array) return { session: await openSession(model, opts), owned: true };
  return { session: await openSession(encodeModel(model), opts), owned: true };
}

function accuracy(correct: number, n: number): Accuracy {
  return { correct, n, rate: n === 0 ? 0 : correct / n, ci95: wilson(correct, n) };
}

/** The fixed batch size of an input, or null when the batch dimension is dynamic. */
function fixedBatch(dims: readonly (number | string | null)[] | null): number | null {
  const d = dims?.[0];
  return typeof d === 'number' && d > 0 ? d : null;
}

/**
 * Evaluate a classifier on a dataset with a preprocessing preset (a name, a Preset, or a PreparedPreset).
 * @example const r = await evaluate(ablatedModel, ds, 'cifar10_full', { dataRoot, limit: 500 }); r.top1.ci95
 * @throws UsageError when the model's input does not fit the preset or its outputs do not cover the classes;
 *   images that cannot be used are recorded in `skipped`, not thrown.
 */
export async function evaluate(model: ModelInput, dataset: Dataset, preset: string | Preset | PreparedPreset,
  opts: EvaluateOptions = {}): Promise<EvalResult> {
  const t0 = process.hrtime.bigint();
  const prep = typeof preset === 'object' && 'hash' in preset ? preset
    : await preparePreset(typeof preset === 'string' ? loadPreset(preset) : preset, { dataRoot: opts.dataRoot ?? process.cwd() });
  const cache = opts.cacheDir ? tensorCache(path.join(opts.cacheDir, 'tensors')) : undefined;
  const items = opts.limit !== undefined ? dataset.items.slice(0, Math.max(0, opts.limit)) : dataset.items;
  const { session, owned } = await sessionFor(model, opts.session);
  try {
    const inputName = opts.inputName ?? session.inputNames[0];
    const outputName = opts.outputName ?? session.outputNames[0];
    const meta = session.inputs.find((i) => i.name === inputName);
    if (!meta) throw new UsageError(`model "${session.source}": no input "${inputName}" (inputs: ${session.inputNames.join(', ')})`);
    if (!session.outputNames.includes(outputName)) throw new UsageError(`model "${session.source}": no output "${outputName}" (outputs: ${session.outputNames.join(', ')})`);
    if (meta.type !== 'float32') throw new UsageError(`model "${session.source}": input "${inputName}" is ${meta.type}, expected float32 images`);
    const dims = meta.dims ?? [];
    const [H, W] = [dims[2], dims[3]];
    if (dims.length !== 4 || (typeof dims[1] === 'number' && dims[1] !== 3)) {
      throw new UsageError(`model "${session.source}": input "${inputName}" has shape [${dims.join(', ')}] — expected [N, 3, H, W] images`);
    }
    if (prep.size && typeof H === 'number' && typeof W === 'number' && (H !== prep.size.height || W !== prep.size.width)) {
      throw new UsageError(`model "${session.source}": input "${inputName}" is ${W}x${H}, preset "${prep.preset.name}" makes ${prep.size.width}x${prep.size.height} — choose a preset for this model (--preprocess)`);
    }
    const fixed = fixedBatch(dims);
    const batch = fixed ?? Math.max(1, opts.batchSize ?? 8);

    const skipped: EvalResult['skipped']['items'] = [];
    const records: EvalRecord[] = [];
    let c1 = 0, c5 = 0, softmaxApplied = 0, cachedTensors = 0, decoded = 0, inferNs = 0n, done = 0;
    let pending: { item: DatasetItem; img: PreparedImage }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const [c, h, w] = pending[0].img.tensor.dims;
      const per = c * h * w;
      const n = fixed ?? pending.length;
      let data: Float32Array;
      if (n === 1) data = pending[0].img.tensor.data; // no copy at batch 1
      else { data = new Float32Array(n * per); pending.forEach((p, i) => data.set(p.img.tensor.data, i * per)); }
      const feed: HostTensor = { type: 'float32', dims: [n, c, h, w], data };
      const ti = process.hrtime.bigint();
      const out = (await session.run({ [inputName]: feed }))[outputName];
      inferNs += process.hrtime.bigint() - ti;
      const values = out.data as Float32Array;
      const stride = values.length / n;
      if (!Number.isInteger(stride) || stride < dataset.classes.ids.length) {
        throw new UsageError(`model "${session.source}": output "${outputName}" has shape [${out.dims.join(', ')}], fewer than the ${dataset.classes.ids.length} classes of the dataset per image`);
      }
      pending.forEach((p, i) => {
        let v: ArrayLike<number> = values.subarray(i * stride, (i + 1) * stride);
        if (!looksLikeProbabilities(v)) { v = softmax(v); softmaxApplied++; }
        const top5 = topK(v, 5);
        const label = p.item.label;
        if (top5[0] === label) c1++;
        if (top5.includes(label)) c5++;
        records.push({ file: p.item.rel, label, top5, top5Prob: top5.map((k) => v[k]), pTrue: v[label] });
      });
      done += pending.length;
      pending = [];
      opts.onProgress?.(done + skipped.length, items.length);
    };
    for await (const r of prefetch(items, (it) => prepareImage(it.file, prep, cache), { concurrency: opts.concurrency ?? 2, ahead: Math.max(16, 2 * batch) })) {
      if (!r.ok) {
        skipped.push({ file: r.item.rel, reason: r.error instanceof DatasetError ? r.error.message : String((r.error as Error)?.message ?? r.error) });
        if (skipped.length % 50 === 1) opts.onProgress?.(done + skipped.length, items.length);
        continue;
      }
      const img = r.value;
      if (img.cached) cachedTensors++; else decoded++;
      const [, h, w] = img.tensor.dims;
      if ((typeof H === 'number' && h !== H) || (typeof W === 'number' && w !== W)) {
        skipped.push({ file: r.item.rel, reason: `image "${r.item.file}": tensor ${w}x${h} does not match the model's ${W}x${H} input (preset "${prep.preset.name}" has no crop)` });
        continue;
      }
      if (pending.length > 0 && (pending[0].img.tensor.dims[1] !== h || pending[0].img.tensor.dims[2] !== w)) await flush();
      pending.push({ item: r.item, img });
      if (pending.length >= batch) await flush();
    }
    await flush();
    const n = records.length;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return {
      model: session.source, preset: prep.preset.name, presetHash: prep.hash,
      dataset: { root: dataset.root, groundTruth: dataset.groundTruth, classes: dataset.classes.ids.length, missing: dataset.missing, unlabeled: dataset.unlabeled, duplicates: dataset.duplicates },
      n, skipped: { count: skipped.length, items: skipped }, top1: accuracy(c1, n), top5: accuracy(c5, n), softmaxApplied, batch, records,
      timing: { seconds, inferSeconds: Number(inferNs) / 1e9, imagesPerSecond: n / seconds, cachedTensors, decoded },
    };
  } finally {
    if (owned) await session.release();
  }
}

/**
 * The ablation study, cost against contribution: for the baseline and each variant (layers or op types
 * bypassed, built in memory by `applyAblations`), the inference time with its interval and per-category
 * breakdown (the profiler), the time saved against the baseline, the baseline's profiled share of the removed
 * nodes, and — given images — top-1/top-5 with the paired comparison against the baseline (McNemar).
 *
 * One JSON line per variant is appended to `out` as soon as the variant is measured; a rerun skips the
 * variants already recorded under the same configuration, so an interrupted study resumes and loses nothing.
 * Records of another configuration in the file are refused unless `forceNew` (then both live in the file,
 * told apart by `configHash`). The file is never truncated or rewritten. Per-image records of each variant go
 * to `<out without .jsonl>.records/<configHash>/<variant>.jsonl`.
 *
 * Timing note: variants are timed one after another, each against the baseline timed at the start of the study
 * (or of the run that first recorded it): a machine that slows down or speeds up meanwhile shifts the savings.
 *
 * @example
 * const r = await ablationStudy({ model: 'cifar10_full', settings, out: 'reports/cifar-lrn.jsonl',
 *   nodes: ['norm1', 'norm2'], images: '/data/cifar10/test' });
 * r.records[1].cost?.saved.ms; r.records[1].accuracy?.paired?.top1.mcnemar.p
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import { environmentRecord } from '../env/record';
import { loadDataset, type Dataset } from '../data/dataset';
import { loadPreset, type Preset } from '../data/preset';
import { preparePreset, type PreparedPreset } from '../data/preprocess';
import { compareEvaluations } from '../eval/compare';
import { evaluate } from '../eval/evaluate';
import { readRecordsJsonl, writeRecordsJsonl } from '../eval/format';
import type { EvalRecord } from '../eval/types';
import { applyAblations, type Ablation } from '../graph/ablation';
import type { Model } from '../graph/types';
import { decodeModel, writeModel } from '../onnx';
import { measureModel } from '../profile/measure';
import { profileOptions } from '../profile/options';
import { summarize } from '../profile/profile';
import { withTempDir } from '../profile/tempDir';
import type { ProfileOptions, ProfileResult } from '../profile/types';
import { resolveModel, type Settings } from '../registry';
import { pairedLossCI, removedShare, timeSaved, type NodeCost } from './ablationCost';
import { configDifferences, configHash, variantId, variantSlug, type AblationStudyConfig } from './ablationConfig';
import { ABLATION_RECORD_FORMAT, appendRecord, lockStudyFile, readStudyFile, type AblationRecord, type DamagedLine, type VariantAccuracy } from './ablationRecords';
import { studyVariants, type VariantSpec } from './ablationVariants';

export interface AblationStudyRequest extends VariantSpec {
  /** Model path or registry name. */
  model: string;
  settings: Settings;
  /** The results file (JSON lines); created when absent, else appended to. */
  out: string;
  /** Image folder; without it the study measures time only. */
  images?: string;
  labels?: string;
  /** Preset name, JSON file or Preset; default the registry entry's. */
  preset?: string | Preset;
  /** Evaluate the first N images only. */
  limit?: number;
  /** Timing: timed runs, warm-up, intra-op threads, graph optimization (profiler defaults otherwise: 20, auto, 1, all). */
  runs?: number;
  warmup?: number | 'auto';
  threads?: number;
  optLevel?: ProfileOptions['optLevel'];
  /** Seed of the timed runs' random inputs and of the bootstrap (default 0). */
  seed?: number;
  /** Seed of the random weights of Caffe networks without trained weights (default 1). */
  modelSeed?: number;
  /** Intra-op threads of the evaluation sessions (default: onnxruntime's choice). */
  evalThreads?: number;
  batchSize?: number;
  /** Append records of a different configuration to a file that already holds another study's. */
  forceNew?: boolean;
  cwd?: string;
  /** One line per event (variant done, skipped, damaged line found). */
  onProgress?: (line: string) => void;
  /** Called after each record is appended (tests use it to interrupt a study). */
  afterVariant?: (record: AblationRecord, done: number) => void | Promise<void>;
}

export interface AblationStudyResult {
  file: string;
  configHash: string;
  config: AblationStudyConfig;
  /** Records of this configuration, baseline first, in variant order. */
  records: AblationRecord[];
  /** Variant ids found already done in the file (not measured again). */
  resumed: string[];
  /** Lines of the file that were not records (reported, ignored). */
  damaged: DamagedLine[];
}

function sha256(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Profile a model held in memory (written to a private temporary file for the measurement). */
async function profileInMemory(model: Model, name: string, o: ProfileOptions): Promise<ProfileResult> {
  return withTempDir('layerlab-ablation-', async (dir) => {
    const file = path.join(dir, 'variant.onnx');
    await writeModel(file, model);
    const r = summarize(await measureModel(file, o), { name, path: file }, o);
    return r;
  });
}

function nodeCosts(r: ProfileResult): NodeCost[] {
  return r.byNode.map((t) => ({
    node: t.node, opType: t.opType, category: t.category, ms: t.ms, pct: t.pct,
    ...(t.fusedFrom ? { fusedFrom: t.fusedFrom } : {}), ...(t.caffeLayer ? { caffeLayer: t.caffeLayer } : {}),
  }));
}

function datasetIdentity(ds: Dataset, labels: string | undefined, limit: number | undefined): NonNullable<AblationStudyConfig['dataset']> {
  const items = limit === undefined ? ds.items : ds.items.slice(0, limit);
  return {
    root: ds.root, labels: labels ?? null, groundTruth: ds.groundTruth, images: items.length,
    itemsSha256: sha256(items.map((i) => `${i.rel}\t${i.label}`).join('\n')), limit: limit ?? null,
  };
}

function refuseMix(file: string, others: AblationRecord[], config: AblationStudyConfig): never {
  const diff = configDifferences(others[0].config, config);
  throw new UsageError(`results file "${file}": it holds ${others.length} record(s) of a different study ` +
    `(${diff.slice(0, 4).join('; ')}${diff.length > 4 ? `; ${diff.length - 4} more` : ''}) — ` +
    'write to another --out file, or pass --force-new (forceNew) to append this study\'s records beside them');
}

/**
 * Run (or resume) an ablation study; see the module comment.
 * @throws UsageError for a results file holding another study (without forceNew), bad options, unknown nodes or op types (before anything is measured).
 * @example const r = await ablationStudy({ model: 'squeezenet1.1', settings, out: 'sq.jsonl', eachBypassable: true, images, labels, limit: 300 });
 */
export async function ablationStudy(req: AblationStudyRequest): Promise<AblationStudyResult> {
  const say = req.onProgress ?? (() => {});
  const out = path.resolve(req.cwd ?? process.cwd(), req.out);
  const modelSeed = req.modelSeed ?? 1;
  const o = profileOptions({ runs: req.runs, warmup: req.warmup, threads: req.threads, optLevel: req.optLevel, seed: req.seed ?? 0 });
  if (req.limit !== undefined && (!Number.isInteger(req.limit) || req.limit < 1)) throw new UsageError(`invalid limit: ${req.limit} — expected an integer >= 1`);
  const resolved = await resolveModel(req.model, req.settings, { cwd: req.cwd, seed: modelSeed });
  const bytes: Uint8Array = fs.readFileSync(resolved.path);
  const model = decodeModel(bytes, { source: resolved.path, baseDir: path.dirname(resolved.path) });
  const variants: Ablation[][] = [[], ...studyVariants(model, req)];
  const built = variants.map((v) => applyAblations(model, v)); // fails here, before any measuring, for a bad name

  let dataset: Dataset | undefined, prep: PreparedPreset | undefined;
  const labels = req.labels ? path.resolve(req.cwd ?? process.cwd(), req.labels) : undefined;
  if (req.images) {
    dataset = loadDataset(path.resolve(req.cwd ?? process.cwd(), req.images), { labels });
    const presetIn = req.preset ?? resolved.entry?.preprocess;
    if (!presetIn) throw new UsageError(`model "${resolved.path}" is not in the registry: choose a preset (--preprocess caffe-227, caffe-224, torchvision, cifar10_full or a .json file)`);
    prep = await preparePreset(typeof presetIn === 'string' ? loadPreset(presetIn, { cwd: req.cwd }) : presetIn, { dataRoot: req.settings.dataRoot });
  }
  const config: AblationStudyConfig = {
    model: { name: resolved.entry?.name ?? path.basename(resolved.path, '.onnx'), path: resolved.path, sha256: sha256(bytes) },
    dataset: dataset ? datasetIdentity(dataset, labels, req.limit) : null,
    preset: prep ? { name: prep.preset.name, hash: prep.hash } : null,
    seed: o.seed, modelSeed,
    timing: { runs: o.runs, warmup: o.warmup, threads: o.threads, interOpThreads: o.interOpThreads, optLevel: o.optLevel },
  };
  const hash = configHash(config);

  const release = lockStudyFile(out);
  try {
    const existing = readStudyFile(out);
    if (existing.records.length === 0 && existing.damaged.length > (existing.endsTorn ? 1 : 0)) {
      throw new UsageError(`results file "${out}" holds ${existing.damaged.length} lines and no ablation-study record: it is not a study file — choose another --out`);
    }
    for (const d of existing.damaged) say(`warning: ${out} line ${d.line} (${d.bytes} bytes, "${d.preview}..."): ${d.reason} — ignored, left in place`);
    const others = existing.records.filter((r) => r.configHash !== hash);
    if (others.length > 0 && !req.forceNew) refuseMix(out, others, config);
    const mine = new Map(existing.records.filter((r) => r.configHash === hash).map((r) => [r.variant.id, r]));
    const resumed = variants.map(variantId).filter((id) => mine.has(id));
    if (resumed.length) say(`resuming ${out}: ${resumed.length} of ${variants.length} variants already recorded`);

    const recordsDir = path.join(path.dirname(out), `${path.basename(out).replace(/\.jsonl?$/, '')}.records`, hash);
    const relRecords = (id: string): string => path.relative(path.dirname(out), path.join(recordsDir, `${variantSlug(id)}.jsonl`));
    let baselineEval: EvalRecord[] | undefined;
    const evaluateVariant = async (m: Model, id: string): Promise<{ result: Awaited<ReturnType<typeof evaluate>>; file: string }> => {
      const result = await evaluate(m, dataset!, prep!, {
        dataRoot: req.settings.dataRoot, cacheDir: req.settings.cacheDir, limit: req.limit, batchSize: req.batchSize,
        session: req.evalThreads ? { intraOpThreads: req.evalThreads } : undefined,
      });
      const file = relRecords(id);
      fs.mkdirSync(recordsDir, { recursive: true });
      writeRecordsJsonl(path.join(path.dirname(out), file), result.records);
      return { result, file };
    };
    const baselineRecords = async (): Promise<EvalRecord[]> => {
      if (baselineEval) return baselineEval;
      const stored = mine.get('baseline')!.accuracy!.recordsFile;
      const abs = path.join(path.dirname(out), stored);
      if (fs.existsSync(abs)) baselineEval = readRecordsJsonl(abs);
      else {
        say(`baseline per-image records ${abs} are missing: evaluating the baseline again for the paired comparisons`);
        baselineEval = (await evaluateVariant(built[0], 'baseline')).result.records;
      }
      return baselineEval;
    };

    let done = 0;
    for (const [index, ablations] of variants.entries()) {
      const id = variantId(ablations);
      if (mine.has(id)) continue;
      const t0 = Date.now();
      const variant = built[index];
      const profile = await profileInMemory(variant, `${config.model.name} [${id}]`, o);
      const kept = new Set(variant.graph.nodes.map((n) => n.name));
      const removedNodes = model.graph.nodes.map((n) => n.name).filter((n) => !kept.has(n));
      const base = mine.get('baseline');
      const cost = index === 0 || !base ? null : {
        saved: timeSaved(base.timing.inference.samples, profile.inference.samples, o.seed),
        removed: removedShare(base.timing.byNode, removedNodes),
      };
      let accuracy: VariantAccuracy | null = null;
      if (dataset && prep) {
        const { result, file } = await evaluateVariant(variant, id);
        if (index === 0) baselineEval = result.records;
        let paired: VariantAccuracy['paired'] = null;
        if (index > 0) {
          const p = compareEvaluations({ records: await baselineRecords() }, result);
          paired = { ...p, top1LossCi95: pairedLossCI(p.top1.onlyA, p.top1.onlyB, p.n), top5LossCi95: pairedLossCI(p.top5.onlyA, p.top5.onlyB, p.n) };
        }
        accuracy = { n: result.n, skipped: result.skipped.count, top1: result.top1, top5: result.top5, paired, recordsFile: file };
      }
      const record: AblationRecord = {
        format: ABLATION_RECORD_FORMAT, configHash: hash, config,
        variant: { id, index, ablations, removedNodes, nodeCount: variant.graph.nodes.length },
        timing: { inference: profile.inference, byCategory: profile.byCategory, byType: profile.byType, byNode: nodeCosts(profile), coverage: profile.coverage, overhead: profile.overhead },
        cost, accuracy, environment: environmentRecord(), seconds: (Date.now() - t0) / 1000, finishedAt: new Date().toISOString(),
      };
      appendRecord(out, record);
      mine.set(id, record);
      done++;
      say(`${id}: ${profile.inference.median.toFixed(3)} ms` + (cost ? `, saved ${cost.saved.ms.toFixed(3)} ms (${cost.saved.pct.toFixed(1)}%)` : '') +
        (accuracy ? `, top-1 ${(100 * accuracy.top1.rate).toFixed(2)}%` : '') + ` (${record.seconds.toFixed(1)} s)`);
      await req.afterVariant?.(record, done);
    }
    return { file: out, configHash: hash, config, records: variants.map((v) => mine.get(variantId(v))!), resumed, damaged: existing.damaged };
  } finally {
    release();
  }
}

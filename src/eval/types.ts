/**
 * The plain records of an evaluation: accuracy with its interval, one record per image, skipped files.
 *
 * @example
 * const r: EvalResult = await evaluate('squeezenet1.1.onnx', ds, 'torchvision');
 * r.top1.rate; r.top1.ci95; r.records[0].top5
 */
import type { Tally } from '../data/dataset';

/** Correct answers out of n, their rate and the Wilson 95% interval. */
export interface Accuracy { correct: number; n: number; rate: number; ci95: [number, number] }

export interface EvalRecord {
  /** Path relative to the dataset root (the key used to pair two evaluations). */
  file: string;
  /** True class index. */
  label: number;
  /** The 5 most probable classes, most probable first, and their probabilities. */
  top5: number[];
  top5Prob: number[];
  /** Probability given to the true class. */
  pTrue: number;
}

export interface EvalResult {
  /** Where the model came from (path, `<N-byte model>`, or the session's source). */
  model: string;
  preset: string;
  presetHash: string;
  dataset: { root: string; groundTruth: string; classes: number; missing: Tally; unlabeled: Tally; duplicates: Tally };
  /** Images evaluated. */
  n: number;
  /** Images that could not be used (unreadable, undecodable, wrong size), with the reason. */
  skipped: { count: number; items: { file: string; reason: string }[] };
  top1: Accuracy;
  top5: Accuracy;
  /** How many output vectors were logits and got a softmax (the others were already probabilities). */
  softmaxApplied: number;
  /** Batch size used for inference. */
  batch: number;
  records: EvalRecord[];
  timing: { seconds: number; inferSeconds: number; imagesPerSecond: number; cachedTensors: number; decoded: number };
}

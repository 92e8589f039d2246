/**
 * Text and JSON-lines forms of an evaluation, for the CLI and report folders.
 *
 * @example
 * console.log(formatEvaluation(result));
 * writeRecordsJsonl('records.jsonl', result.records);
 */
import * as fs from 'fs';
import type { Accuracy, EvalRecord, EvalResult } from './types';
import { writeFileAtomic } from '../util/atomicWrite';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/** `69.77% (907/1300, 95% CI 67.22%-72.19%)` */
export function formatAccuracy(a: Accuracy): string {
  return `${pct(a.rate)} (${a.correct}/${a.n}, 95% CI ${pct(a.ci95[0])}-${pct(a.ci95[1])})`;
}

/**
 * A short human-readable summary: accuracy, skipped and unmatched files with examples, speed.
 * @example formatEvaluation(r).split('\n')[0] // 'model: squeezenet1.1.onnx'
 */
export function formatEvaluation(r: Omit<EvalResult, 'records'>): string {
  const lines = [
    `model: ${r.model}`,
    `images: ${r.dataset.root} (${r.dataset.groundTruth}; ${r.dataset.classes} classes), preset ${r.preset}`,
    `evaluated: ${r.n}, skipped: ${r.skipped.count}`,
    `top-1: ${formatAccuracy(r.top1)}`,
    `top-5: ${formatAccuracy(r.top5)}`,
  ];
  if (r.dataset.missing.count) lines.push(`ground-truth entries without an image: ${r.dataset.missing.count} (e.g. ${r.dataset.missing.examples.slice(0, 3).join(', ')})`);
  if (r.dataset.duplicates.count) lines.push(`ground-truth entries repeating an image (first one used): ${r.dataset.duplicates.count} (e.g. ${r.dataset.duplicates.examples.slice(0, 3).join(', ')})`);
  if (r.dataset.unlabeled.count) lines.push(`images without ground truth: ${r.dataset.unlabeled.count} (e.g. ${r.dataset.unlabeled.examples.slice(0, 3).join(', ')})`);
  for (const s of r.skipped.items.slice(0, 5)) lines.push(`skipped ${s.file}: ${s.reason}`);
  if (r.skipped.count > 5) lines.push(`... and ${r.skipped.count - 5} more skipped`);
  lines.push(`softmax applied to ${r.softmaxApplied} of ${r.n} outputs; batch ${r.batch}; ${r.timing.seconds.toFixed(1)} s, ${r.timing.imagesPerSecond.toFixed(1)} images/s (${r.timing.cachedTensors} tensors from the cache, ${r.timing.decoded} decoded)`);
  return lines.join('\n');
}

/**
 * Write one JSON object per line, atomically (temp file, then rename).
 * @example writeRecordsJsonl('/tmp/r.jsonl', result.records)
 */
export function writeRecordsJsonl(file: string, records: readonly EvalRecord[]): void {
  writeFileAtomic(file, records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
}

/**
 * Read records written by writeRecordsJsonl.
 * @example compareEvaluations({ records: readRecordsJsonl('a.jsonl') }, { records: readRecordsJsonl('b.jsonl') })
 */
export function readRecordsJsonl(file: string): EvalRecord[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EvalRecord);
}

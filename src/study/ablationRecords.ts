/**
 * The ablation study's results file: JSON lines, one record per variant, only ever appended to. Reading it
 * tells which variants are done, and reports (never silently drops) lines that are not whole records — a
 * torn last line left by a crash mid-write.
 *
 * @example
 * const f = readStudyFile('reports/ablation/squeezenet.jsonl');
 * f.records.length; f.damaged // [{ line: 7, bytes: 812, reason: 'not valid JSON (torn write?)' }]
 * appendRecord('reports/ablation/squeezenet.jsonl', record);
 */
import * as fs from 'fs';
import * as path from 'path';
import { LayerlabError } from '../errors';
import type { EnvironmentRecord } from '../env/record';
import type { Accuracy } from '../eval/types';
import type { Paired } from '../eval/compare';
import type { Ablation } from '../graph/ablation';
import type { Share, TimingStats } from '../profile/types';
import type { NodeCost, RemovedShare, TimeSaved } from './ablationCost';
import type { AblationStudyConfig } from './ablationConfig';

/** The `format` field of every record. */
export const ABLATION_RECORD_FORMAT = 'layerlab.ablation-study/1';

/** Accuracy of one variant, and its paired comparison against the baseline (null for the baseline itself). */
export interface VariantAccuracy {
  n: number;
  skipped: number;
  top1: Accuracy;
  top5: Accuracy;
  paired: (Paired & { top1LossCi95: [number, number]; top5LossCi95: [number, number] }) | null;
  /** Per-image records, relative to the results file's folder. */
  recordsFile: string;
}

/** One line of the results file: one variant measured under one configuration. */
export interface AblationRecord {
  format: typeof ABLATION_RECORD_FORMAT;
  /** Hash of `config`: records with equal hashes belong to the same study. */
  configHash: string;
  config: AblationStudyConfig;
  variant: {
    /** `baseline`, or the ablations described and joined by '; ' (`bypass node norm1; bypass node norm2`). */
    id: string;
    index: number;
    ablations: Ablation[];
    /** Baseline nodes absent from the variant. */
    removedNodes: string[];
    nodeCount: number;
  };
  timing: { inference: TimingStats; byCategory: Share[]; byType: Share[]; byNode: NodeCost[]; coverage: number; overhead: number };
  /** Against the baseline; null for the baseline. */
  cost: { saved: TimeSaved; removed: RemovedShare } | null;
  /** Null when the study has no images (timing only). */
  accuracy: VariantAccuracy | null;
  environment: EnvironmentRecord;
  seconds: number;
  finishedAt: string;
}

/** A line of the file that is not a record, reported to the user. */
export interface DamagedLine { line: number; bytes: number; reason: string; preview: string }

export interface StudyFile {
  records: AblationRecord[];
  damaged: DamagedLine[];
  /** Whether the file ends in the middle of a line (a write cut short): the next append starts a new line. */
  endsTorn: boolean;
}

/**
 * Read a results file (an absent file is an empty study).
 * @example readStudyFile('results.jsonl').records.map((r) => r.variant.id)
 */
export function readStudyFile(file: string): StudyFile {
  if (!fs.existsSync(file)) return { records: [], damaged: [], endsTorn: false };
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const endsTorn = text.length > 0 && !text.endsWith('\n');
  const records: AblationRecord[] = [];
  const damaged: DamagedLine[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    const last = i === lines.length - 1;
    const bad = (reason: string): void => { damaged.push({ line: i + 1, bytes: Buffer.byteLength(l), reason, preview: l.slice(0, 60) }); };
    let value: unknown;
    try { value = JSON.parse(l); } catch { bad(last ? 'the last line is cut short (a write interrupted by a crash?)' : 'not valid JSON (a write cut short by a crash?)'); return; }
    const r = value as Partial<AblationRecord>;
    if (!r || r.format !== ABLATION_RECORD_FORMAT || typeof r.configHash !== 'string' || !r.variant) {
      bad(`not an ablation-study record (expected "format": "${ABLATION_RECORD_FORMAT}")`);
      return;
    }
    records.push(r as AblationRecord);
  });
  return { records, damaged, endsTorn };
}

/**
 * Append one record as one line (opening the file in append mode: existing bytes are never rewritten). When the
 * file ends in a torn line, a newline goes first so that the record starts a line of its own.
 * @example appendRecord('results.jsonl', record)
 */
export function appendRecord(file: string, record: AblationRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const torn = fs.existsSync(file) && fs.statSync(file).size > 0 && lastByte(file) !== 0x0a;
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, (torn ? '\n' : '') + JSON.stringify(record) + '\n');
    fs.fsyncSync(fd);
  } catch (e) {
    throw new LayerlabError(`results file "${file}": cannot append — ${(e as Error).message}`, { cause: e });
  } finally {
    fs.closeSync(fd);
  }
}

function lastByte(file: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, fs.fstatSync(fd).size - 1);
    return b[0];
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Hold `<file>.lock` while a study appends to `file`, so that two studies never write the same file at once
 * (they would both measure and append the same variants). A lock left by a process that no longer runs is
 * taken over. Returns the function that releases it.
 * @throws LayerlabError naming the file and the process holding it
 * @example const release = lockStudyFile('results.jsonl'); try { ... } finally { release(); }
 */
export function lockStudyFile(file: string): () => void {
  const lock = `${file}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new LayerlabError(`results file "${file}": cannot create ${lock} — ${(e as Error).message}`, { cause: e });
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
        throw new LayerlabError(`results file "${file}": another study (process ${pid}) is writing it — wait for it, or remove ${lock} if that process is not a layerlab study`);
      }
      fs.rmSync(lock, { force: true }); // stale: its process is gone
    }
  }
  throw new LayerlabError(`results file "${file}": cannot take ${lock}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

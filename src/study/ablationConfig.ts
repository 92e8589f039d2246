/**
 * What makes two ablation runs the same study: the model's bytes (sha256), the dataset's images and labels,
 * the preprocessing, the seeds and the measuring options. Its hash keys the records of the results file, so a
 * resumed study skips what is done and refuses to mix in another study's records.
 *
 * @example
 * const h = configHash(config); // '3f2a...' (16 hex digits)
 * configDifferences(old, config) // ['model.sha256: 1eef... -> 9a0c...']
 */
import * as crypto from 'crypto';
import { describeAblation, type Ablation } from '../graph/ablation';

export interface AblationStudyConfig {
  /** Path as resolved (recorded; not part of the identity) and sha256 of the file (the identity). */
  model: { name: string; path: string; sha256: string };
  /** Null for a timing-only study. `itemsSha256` covers the image list and labels (after `limit`). */
  dataset: { root: string; labels: string | null; groundTruth: string; images: number; itemsSha256: string; limit: number | null } | null;
  preset: { name: string; hash: string } | null;
  /** Seed of the random inputs of the timed runs and of the bootstrap intervals. */
  seed: number;
  /** Seed of the random weights of registry Caffe networks without trained weights. */
  modelSeed: number;
  timing: { runs: number; warmup: number | 'auto'; threads: number; interOpThreads: number; optLevel: string };
}

/** The fields that identify a study (the model's path and the dataset's root are recorded, not compared). */
function identity(c: AblationStudyConfig): unknown {
  return {
    model: c.model.sha256,
    dataset: c.dataset && { labels: c.dataset.labels && c.dataset.labels.split(/[\\/]/).pop(), images: c.dataset.images, items: c.dataset.itemsSha256, limit: c.dataset.limit },
    preset: c.preset, seed: c.seed, modelSeed: c.modelSeed, timing: c.timing,
  };
}

/** JSON with sorted keys (stable across property order). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * 16 hex digits of the sha256 of the config's identity.
 * @example configHash(config).length // 16
 */
export function configHash(c: AblationStudyConfig): string {
  return crypto.createHash('sha256').update(canonical(identity(c))).digest('hex').slice(0, 16);
}

/**
 * The identity fields that differ, as `path: old -> new` lines (for the refusal message).
 * @example configDifferences(a, { ...a, seed: 2 }) // ['seed: 1 -> 2']
 */
export function configDifferences(a: AblationStudyConfig, b: AblationStudyConfig): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, at: string): void => {
    if (canonical(x) === canonical(y)) return;
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y as object)])]) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], at ? `${at}.${k}` : k);
      return;
    }
    const show = (v: unknown): string => { const s = v === undefined ? 'absent' : JSON.stringify(v); return s.length > 40 ? `${s.slice(0, 37)}...` : s; };
    out.push(`${at}: ${show(x)} -> ${show(y)}`);
  };
  walk(identity(a), identity(b), '');
  return out;
}

/**
 * The id of a variant: `baseline` for no ablation, else the descriptions joined by '; '.
 * @example variantId([{ kind: 'bypass', node: 'norm1' }]) // 'bypass node norm1'
 */
export function variantId(ablations: readonly Ablation[]): string {
  return ablations.length === 0 ? 'baseline' : ablations.map(describeAblation).join('; ');
}

/**
 * A file-name-safe form of a variant id, unique per id (a short hash is appended).
 * @example variantSlug('bypass node conv1/relu_7x7') // 'bypass-node-conv1-relu_7x7-5d41'
 */
export function variantSlug(id: string): string {
  const base = id.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base}-${crypto.createHash('sha256').update(id).digest('hex').slice(0, 4)}`;
}

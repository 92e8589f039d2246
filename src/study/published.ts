/**
 * The study's published figures (models/study-2016.json) as typed plain data: its table (null where the
 * figure is not in our sources), its statements about layer shares, its energy figures; each with a source.
 *
 * @example
 * const pub = loadPublished(); pub.statements.map((s) => s.id) // ['conv-share', ...]
 */
import * as fs from 'fs';
import * as path from 'path';
import { LayerlabError } from '../errors';
import { projectRoot } from '../registry/settings';

export type StatementKind = 'max-category-share' | 'category-share' | 'top-node-category';

export interface PublishedStatement {
  id: string;
  text: string;
  kind: StatementKind;
  networks: string[];
  category: string;
  /** The platform the study measured the figure on (`pc`, `nexus7`), null when not stated. */
  platform: string | null;
  valuePct?: number;
  lowPct?: number;
  highPct?: number;
  /** layerlab's tolerance for the verdict, percentage points (not the study's). */
  tolerancePts?: number;
  source: string;
}

export interface PublishedTableCell {
  network: string;
  platform: string;
  modelSizeMB: number | null;
  initMs: number | null;
  inferenceMs: number | null;
  source: string | null;
}

export interface PublishedEnergy { network: string; joulesPerInference: number; platform: string | null; source: string }

export interface PublishedStudy {
  study: { title: string; authors: string; year: number; framework: string; platforms: Record<string, string> };
  sources: Record<string, string>;
  table: PublishedTableCell[];
  statements: PublishedStatement[];
  energy: PublishedEnergy[];
}

/** The words shown where the study's figure is not in our sources. */
export const NOT_IN_SOURCES = 'not in our sources';

/**
 * Read and check the published figures.
 * @throws LayerlabError naming the file when a figure has no known source.
 */
export function loadPublished(file = path.join(projectRoot(), 'models', 'study-2016.json')): PublishedStudy {
  const pub = JSON.parse(fs.readFileSync(file, 'utf8')) as PublishedStudy;
  const known = new Set(Object.keys(pub.sources));
  for (const s of [...pub.statements, ...pub.energy]) {
    if (!known.has(s.source)) throw new LayerlabError(`${file}: figure ${JSON.stringify(s).slice(0, 80)} — unknown source "${s.source}" — expected one of ${[...known].join(', ')}`);
  }
  for (const c of pub.table) {
    const given = c.modelSizeMB !== null || c.initMs !== null || c.inferenceMs !== null;
    if (given && (c.source === null || !known.has(c.source))) throw new LayerlabError(`${file}: table cell ${c.network}/${c.platform} has figures but no known source — add its source`);
  }
  return pub;
}

/**
 * A published table figure as text: the number, or "not in our sources".
 * @example publishedCell(pub, 'alexnet', 'pc', 'inferenceMs') // 'not in our sources'
 */
export function publishedCell(pub: PublishedStudy, network: string, platform: string, field: 'modelSizeMB' | 'initMs' | 'inferenceMs'): string {
  const c = pub.table.find((t) => t.network === network && t.platform === platform);
  const v = c?.[field];
  return v === null || v === undefined ? NOT_IN_SOURCES : String(v);
}

/**
 * A labelled image folder: the images found under a folder, each with its class index, the class list
 * (ids in index order, human-readable names), and what did not match — ground-truth lines whose image is
 * missing and images with no ground truth — as counts with examples, never silently dropped.
 *
 * Ground truth, in order of precedence:
 * 1. `labels` is a Caffe list (`ILSVRC2012_val_00000001.JPEG 65`): indices as given; class ids from a
 *    `synsets.txt` beside the list, the folder or its parent.
 * 2. Otherwise the class is in the path: one folder per class (torchvision's ImageFolder) or a synset at
 *    the start of the file name (`n01440764_tench.JPEG`). Class indices follow `labels` when it is a class
 *    list (`synsets.txt`, `classes.txt`), else a `synsets.txt`/`classes.txt` in the folder or its parent,
 *    else the sorted class names found.
 * Names come from `synset_words.txt` when one is found beside the labels, in the folder or its parent.
 *
 * @example
 * const ds = loadDataset('/data/imagenet/val-1300', { labels: '/data/imagenet/labels/val.txt' });
 * ds.items.length; ds.missing.count; // 1300, 48700
 */
import * as fs from 'fs';
import * as path from 'path';
import { DatasetError } from '../errors';
import { parseLabelFile, synsetOfFileName, type LabelFile } from './labels';

export interface DatasetItem {
  /** Absolute path. */
  file: string;
  /** Path relative to the dataset root, '/'-separated. */
  rel: string;
  /** Class index. */
  label: number;
}

/** A count and a few examples. */
export interface Tally { count: number; examples: string[] }

export interface Dataset {
  root: string;
  items: DatasetItem[];
  classes: { ids: string[]; names: string[]; source: string };
  /** How the labels were found, e.g. `caffe list /x/val.txt`, `class folders`, `synsets in file names`. */
  groundTruth: string;
  /** Ground-truth entries whose image is not in the folder. */
  missing: Tally;
  /** Images in the folder with no ground truth (not in the list, or a class not in the class list). */
  unlabeled: Tally;
  /** Ground-truth entries naming an image listed before (the first entry's class is used), as `file: class`. */
  duplicates: Tally;
}

export interface LoadDatasetOptions {
  /** A Caffe list or a class list (see the module comment). */
  labels?: string;
  /** How many examples each tally keeps; default 5. */
  examples?: number;
}

/** File extensions taken as images (case-insensitive). */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.bmp', '.webp', '.tif', '.tiff', '.gif'];

/** Image files under `root`, relative, '/'-separated, sorted. Hidden files and folders are ignored. */
export function listImages(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (IMAGE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

function readLabelFile(file: string): LabelFile {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    throw new DatasetError(`labels "${file}": cannot read — ${(e as Error).message}`, { cause: e });
  }
  return parseLabelFile(text, file);
}

function findFile(dirs: string[], names: string[]): string | undefined {
  for (const d of dirs) for (const n of names) { const p = path.join(d, n); if (fs.existsSync(p) && fs.statSync(p).isFile()) return p; }
  return undefined;
}

class Tallier {
  readonly t: Tally = { count: 0, examples: [] };
  constructor(private readonly max: number) {}
  add(x: string): void { this.t.count++; if (this.t.examples.length < this.max) this.t.examples.push(x); }
}

/** Replace class ids by the names in a synset_words.txt found in `dirs`, where it lists them. */
function namesFor(ids: string[], names: string[], dirs: string[]): string[] {
  const words = findFile(dirs, ['synset_words.txt']);
  if (!words) return names;
  const lf = readLabelFile(words);
  if (lf.kind !== 'classes') return names;
  const byId = new Map(lf.ids.map((id, i) => [id, lf.names[i]]));
  return ids.map((id, i) => byId.get(id) ?? names[i]);
}

/**
 * Load a labelled image folder.
 * @example loadDataset('/work/shared/data/cifar10/test').classes.ids // ['airplane', 'automobile', ...] (classes.txt)
 * @throws DatasetError when the folder is missing, a label file is malformed, or no ground truth can be found.
 */
export function loadDataset(images: string, opts: LoadDatasetOptions = {}): Dataset {
  const root = path.resolve(images);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new DatasetError(`images "${root}": not a folder`);
  const files = listImages(root);
  if (files.length === 0) throw new DatasetError(`images "${root}": no image files (${IMAGE_EXTENSIONS.join(' ')}) found`);
  const max = opts.examples ?? 5;
  const missing = new Tallier(max), unlabeled = new Tallier(max), duplicates = new Tallier(max);
  const labels = opts.labels ? path.resolve(opts.labels) : undefined;
  const lf = labels ? readLabelFile(labels) : undefined;
  const searchDirs = [...(labels ? [path.dirname(labels)] : []), root, path.dirname(root), path.join(path.dirname(root), 'labels')];
  const items: Dataset['items'] = [];

  if (lf?.kind === 'caffe') {
    const byRel = new Map(files.map((f) => [f, f]));
    const byBase = new Map<string, string | null>();
    for (const f of files) { const b = path.posix.basename(f); byBase.set(b, byBase.has(b) ? null : f); }
    const seen = new Set<string>();
    let maxIndex = -1;
    for (const [name, index] of lf.entries) {
      const rel = byRel.get(name.replace(/\\/g, '/')) ?? byBase.get(path.posix.basename(name.replace(/\\/g, '/'))) ?? undefined;
      if (!rel) { missing.add(name); continue; }
      if (seen.has(rel)) { duplicates.add(`${name}: ${index}`); continue; }
      seen.add(rel);
      maxIndex = Math.max(maxIndex, index);
      items.push({ file: path.join(root, rel), rel, label: index });
    }
    for (const f of files) if (!seen.has(f)) unlabeled.add(f);
    const synsets = findFile(searchDirs, ['synsets.txt']);
    const cl = synsets ? readLabelFile(synsets) : undefined;
    let ids: string[], names: string[], source: string;
    if (cl?.kind === 'classes' && cl.ids.length > maxIndex) { ids = cl.ids; names = namesFor(ids, cl.names, searchDirs); source = synsets!; } else {
      ids = Array.from({ length: lf.entries.reduce((m, e) => Math.max(m, e[1]), -1) + 1 }, (_, i) => String(i)); // no spread: lists have 1.28 M lines
      names = ids; source = 'class indices of the list (no synsets.txt found)';
    }
    items.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    return { root, items, classes: { ids, names, source }, groundTruth: `caffe list ${labels}`, missing: missing.t, unlabeled: unlabeled.t, duplicates: duplicates.t };
  }

  // The class is in the path: first folder (ImageFolder) or a synset prefix of the file name.
  const keyOf = (rel: string): string | undefined => (rel.includes('/') ? rel.split('/')[0] : synsetOfFileName(rel));
  const folders = files.some((f) => f.includes('/'));
  const keys = files.map(keyOf);
  if (keys.every((k) => k === undefined)) {
    throw new DatasetError(`images "${root}": no ground truth — the images are not in class folders and their names carry no synset; pass --labels with a Caffe list (e.g. val.txt: "<image> <class index>")`);
  }
  let ids: string[], names: string[], source: string;
  const classFile = lf ? labels! : findFile([root, path.dirname(root)], ['synsets.txt', 'classes.txt']);
  if (lf?.kind === 'classes' || classFile) {
    const cl = lf ?? readLabelFile(classFile!);
    if (cl.kind !== 'classes') throw new DatasetError(`labels "${classFile}": expected a class list (one class id per line), found a Caffe list`);
    ids = cl.ids; names = cl.names; source = classFile!;
  } else {
    ids = [...new Set(keys.filter((k): k is string => k !== undefined))].sort();
    names = ids; source = `sorted ${folders ? 'folder names' : 'synsets of the file names'} (no synsets.txt or classes.txt found)`;
  }
  names = namesFor(ids, names, searchDirs);
  const index = new Map(ids.map((id, i) => [id, i]));
  files.forEach((rel, i) => {
    const k = keys[i];
    const label = k === undefined ? undefined : index.get(k);
    if (label === undefined) unlabeled.add(rel);
    else items.push({ file: path.join(root, rel), rel, label });
  });
  return {
    root, items, classes: { ids, names, source }, groundTruth: folders ? 'class folders' : 'synsets in file names',
    missing: missing.t, unlabeled: unlabeled.t, duplicates: duplicates.t,
  };
}

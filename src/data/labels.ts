/**
 * Ground-truth and class-list files in the forms people have: Caffe's `val.txt` (`<image> <index>`), a
 * synsets list (one class id per line, as `synsets.txt` or torchvision's `classes.txt`), and
 * `synset_words.txt` (`<wnid> <names>`). Pure parsing of text; the dataset module reads the files.
 *
 * @example
 * parseLabelFile('ILSVRC2012_val_00000001.JPEG 65\n', 'val.txt') // { kind: 'caffe', entries: [['ILSVRC2012_val_00000001.JPEG', 65]] }
 * parseLabelFile('n01440764\nn01443537\n', 'synsets.txt')        // { kind: 'classes', ids: ['n01440764', 'n01443537'], names: [...] }
 */
import { DatasetError } from '../errors';

export type LabelFile =
  | { kind: 'caffe'; entries: [string, number][] }
  | { kind: 'classes'; ids: string[]; names: string[] };

/**
 * Tell a Caffe list (every line `<file> <integer>`) from a class list (first token of each line is a class id,
 * the rest of the line, if any, its name).
 * @example parseLabelFile('cat\ndog\n', 'classes.txt').kind // 'classes'
 * @throws DatasetError for an empty file or a Caffe list with a bad line (line number and text).
 */
export function parseLabelFile(text: string, source: string): LabelFile {
  // keep each line's number in the file, for messages
  const numbered = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), no: i + 1 })).filter(({ l }) => l !== '' && !l.startsWith('#'));
  const lines = numbered.map(({ l }) => l);
  if (lines.length === 0) throw new DatasetError(`labels "${source}": the file has no entries`);
  const caffeLike = (l: string) => /^\S.*\s+-?\d+$/.test(l);
  if (caffeLike(lines[0]) && lines.every((l) => /\s/.test(l))) {
    const entries: [string, number][] = [];
    lines.forEach((l, i) => {
      const m = /^(.*\S)\s+(\d+)$/.exec(l);
      if (!m) throw new DatasetError(`labels "${source}": line ${numbered[i].no} is not "<image> <class index>": ${l}`);
      entries.push([m[1], Number(m[2])]);
    });
    return { kind: 'caffe', entries };
  }
  const ids: string[] = [], names: string[] = [];
  for (const l of lines) {
    const m = /^(\S+)\s*(.*)$/.exec(l)!;
    ids.push(m[1]);
    names.push(m[2] || m[1]);
  }
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new DatasetError(`labels "${source}": class "${dup}" is listed twice — expected one class id per line`);
  return { kind: 'classes', ids, names };
}

/** The WordNet id a file name starts with (`n01440764_tench.JPEG`, `n01440764_10026.JPEG`), if any. */
export function synsetOfFileName(name: string): string | undefined {
  return /^(n\d{8})(?:[_.\-\s]|$)/.exec(name)?.[1];
}

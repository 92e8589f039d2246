import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DatasetError } from '../../src/errors';
import { loadDataset } from '../../src/data/dataset';
import { parseLabelFile, synsetOfFileName } from '../../src/data/labels';
import { sharedFile } from '../support/paths';

function tmpDir(): string { return fs.mkdtempSync(path.join(os.tmpdir(), 'll-dataset-')); }
function touch(file: string): void { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, 'x'); }

test('parseLabelFile: Caffe list, synsets list, synset_words', () => {
  assert.deepStrictEqual(parseLabelFile('a.JPEG 65\nb c.JPEG 3\n', 'v'), { kind: 'caffe', entries: [['a.JPEG', 65], ['b c.JPEG', 3]] });
  assert.deepStrictEqual(parseLabelFile('n01440764\nn01443537\n', 's'), { kind: 'classes', ids: ['n01440764', 'n01443537'], names: ['n01440764', 'n01443537'] });
  assert.deepStrictEqual(parseLabelFile('n01440764 tench, Tinca tinca\n', 'w'), { kind: 'classes', ids: ['n01440764'], names: ['tench, Tinca tinca'] });
  assert.throws(() => parseLabelFile('\n\n', 'empty.txt'), /empty\.txt": the file has no entries/);
  assert.throws(() => parseLabelFile('a.JPEG 1\nb.JPEG x\n', 'v.txt'), /line 2 is not "<image> <class index>": b\.JPEG x/);
  assert.throws(() => parseLabelFile('# header\n\na.JPEG 1\nb.JPEG x\n', 'v.txt'), /line 4 is not "<image> <class index>": b\.JPEG x/, 'the line number in the file');
  assert.throws(() => parseLabelFile('cat\ndog\ncat\n', 'c.txt'), /class "cat" is listed twice/);
  assert.equal(synsetOfFileName('n01440764_tench.JPEG'), 'n01440764');
  assert.equal(synsetOfFileName('ILSVRC2012_val_00000001.JPEG'), undefined);
});

test('val-1300 with Caffe\'s val.txt: 1,300 labelled, 48,700 ground-truth lines without an image, names from synset_words', () => {
  const ds = loadDataset(sharedFile('data/imagenet/val-1300'), { labels: sharedFile('data/imagenet/labels/val.txt') });
  assert.equal(ds.items.length, 1300);
  assert.equal(ds.missing.count, 50000 - 1300);
  assert.equal(ds.missing.examples.length, 5);
  assert.equal(ds.unlabeled.count, 0);
  assert.equal(ds.classes.ids.length, 1000);
  assert.ok(ds.classes.source.endsWith('synsets.txt'));
  assert.equal(ds.classes.ids[0], 'n01440764');
  assert.equal(ds.classes.names[0], 'tench, Tinca tinca');
  // val.txt line 347: ILSVRC2012_val_00000347.JPEG
  const line = fs.readFileSync(sharedFile('data/imagenet/labels/val.txt'), 'utf8').split('\n').find((l) => l.startsWith('ILSVRC2012_val_00000347.JPEG'))!;
  assert.equal(ds.items.find((i) => i.rel === 'ILSVRC2012_val_00000347.JPEG')!.label, Number(line.split(' ')[1]));
});

test('CIFAR-10 class folders: classes.txt of the parent folder gives the order', () => {
  const ds = loadDataset(sharedFile('data/cifar10/test'));
  assert.equal(ds.groundTruth, 'class folders');
  assert.deepStrictEqual(ds.classes.ids.slice(0, 4), ['airplane', 'automobile', 'bird', 'cat']);
  assert.ok(ds.classes.source.endsWith('classes.txt'));
  assert.equal(ds.items.length, 10000);
  assert.equal(ds.items.find((i) => i.rel === 'cat/0000.jpg')!.label, 3);
  assert.equal(ds.unlabeled.count + ds.missing.count, 0);
});

test('synsets in file names, with a synsets list; stray images are reported', () => {
  const tmp = tmpDir();
  try {
    const imgs = path.join(tmp, 'imgs');
    for (const f of ['n01440764_tench.JPEG', 'n01443537_1.JPEG', 'n09999999_x.JPEG', 'readme.jpg']) touch(path.join(imgs, f));
    fs.writeFileSync(path.join(tmp, 'synsets.txt'), 'n01440764\nn01443537\n');
    fs.writeFileSync(path.join(tmp, 'synset_words.txt'), 'n01440764 tench\nn01443537 goldfish\n');
    const ds = loadDataset(imgs, { labels: path.join(tmp, 'synsets.txt') });
    assert.equal(ds.groundTruth, 'synsets in file names');
    assert.deepStrictEqual(ds.items.map((i) => [i.rel, i.label]), [['n01440764_tench.JPEG', 0], ['n01443537_1.JPEG', 1]]);
    assert.deepStrictEqual(ds.classes.names, ['tench', 'goldfish']);
    assert.deepStrictEqual(ds.unlabeled, { count: 2, examples: ['n09999999_x.JPEG', 'readme.jpg'] });
    // Without --labels: the synsets.txt of the parent folder is used.
    assert.deepStrictEqual(loadDataset(imgs).classes.ids, ['n01440764', 'n01443537']);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('Caffe list: lines without an image and images without a line are counted, not dropped silently', () => {
  const tmp = tmpDir();
  try {
    for (const f of ['a.jpg', 'b.jpg', 'extra.jpg', 'sub/c.png']) touch(path.join(tmp, 'imgs', f));
    fs.writeFileSync(path.join(tmp, 'list.txt'), 'a.jpg 0\nb.jpg 2\nsub/c.png 1\ngone.jpg 1\na.jpg 5\n');
    const ds = loadDataset(path.join(tmp, 'imgs'), { labels: path.join(tmp, 'list.txt') });
    assert.deepStrictEqual(ds.items.map((i) => [i.rel, i.label]), [['a.jpg', 0], ['b.jpg', 2], ['sub/c.png', 1]]);
    assert.deepStrictEqual(ds.missing, { count: 1, examples: ['gone.jpg'] });
    assert.deepStrictEqual(ds.unlabeled, { count: 1, examples: ['extra.jpg'] });
    assert.deepStrictEqual(ds.duplicates, { count: 1, examples: ['a.jpg: 5'] }, 'a repeated entry is reported; the first class is used');
    assert.deepStrictEqual(ds.classes.ids, ['0', '1', '2', '3', '4', '5']);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

test('no ground truth, no folder, no images: clear DatasetErrors', () => {
  const tmp = tmpDir();
  try {
    touch(path.join(tmp, 'x', 'ILSVRC2012_val_00000001.JPEG'));
    assert.throws(() => loadDataset(path.join(tmp, 'x')), (e: Error) => e instanceof DatasetError && /no ground truth.*pass --labels/.test(e.message));
    assert.throws(() => loadDataset(path.join(tmp, 'nope')), /not a folder/);
    fs.mkdirSync(path.join(tmp, 'empty'));
    assert.throws(() => loadDataset(path.join(tmp, 'empty')), /no image files/);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
});

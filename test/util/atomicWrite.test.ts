import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic, writeFileAtomicAsync } from '../../src/util/atomicWrite';

test('atomic writes create folders, replace files whole and leave no temporary files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-atomic-'));
  try {
    const f = path.join(dir, 'a', 'b.txt');
    assert.equal(writeFileAtomic(f, 'one'), f);
    writeFileAtomic(f, 'two');
    assert.equal(fs.readFileSync(f, 'utf8'), 'two');
    await writeFileAtomicAsync(path.join(dir, 'a', 'c.bin'), new Uint8Array([1, 2, 3]));
    assert.deepEqual([...fs.readFileSync(path.join(dir, 'a', 'c.bin'))], [1, 2, 3]);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'a')).sort(), ['b.txt', 'c.bin']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed atomic write leaves the existing file and no temporary file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-atomic-'));
  try {
    const target = path.join(dir, 'result');
    fs.mkdirSync(target); // a folder where the file should go: rename fails
    fs.writeFileSync(path.join(target, 'keep.txt'), 'kept');
    assert.throws(() => writeFileAtomic(target, 'x'));
    await assert.rejects(writeFileAtomicAsync(target, new Uint8Array([1])));
    assert.equal(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8'), 'kept');
    assert.deepEqual(fs.readdirSync(dir), ['result']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

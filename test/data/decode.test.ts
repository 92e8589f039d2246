import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DatasetError } from '../../src/errors';
import { decodeImage } from '../../src/data/decode';
import { makeAwkwardImages } from './fixtures';

test('decodeImage: grayscale, CMYK, PNG named .JPEG and EXIF-rotated images come out upright RGB', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-decode-'));
  try {
    const f = await makeAwkwardImages(tmp);
    const px = (img: { width: number; data: Uint8Array }, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));
    for (const file of [f.gray, f.cmyk, f.png]) {
      const img = await decodeImage(fs.readFileSync(file), { source: file });
      assert.equal(img.width, 40, file); assert.equal(img.height, 20, file);
      assert.equal(img.data.length, 40 * 20 * 3, file);
      assert.ok(px(img, 2, 10).every((v) => v < 30), `${file}: left is dark: ${px(img, 2, 10)}`);
      assert.ok(px(img, 37, 10).every((v) => v > 225), `${file}: right is light: ${px(img, 37, 10)}`);
    }
    // Orientation 6: rotate 90 degrees clockwise -> 20 wide, 40 high; the white right half ends at the bottom.
    const r = await decodeImage(fs.readFileSync(f.exif6));
    assert.deepStrictEqual([r.width, r.height], [20, 40]);
    assert.ok(px(r, 10, 2).every((v) => v < 30), `top is dark: ${px(r, 10, 2)}`);
    assert.ok(px(r, 10, 37).every((v) => v > 225), `bottom is light: ${px(r, 10, 37)}`);
    for (const bad of [f.truncated, f.garbage]) {
      await assert.rejects(decodeImage(fs.readFileSync(bad), { source: bad }),
        (e: Error) => e instanceof DatasetError && e.message.startsWith(`image "${bad}": cannot decode`));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

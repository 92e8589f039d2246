/**
 * Writing files so that a reader never sees half of one and a finished file is never destroyed by a
 * failed write: a uniquely named temporary file in the destination folder, then a rename. The temporary
 * file is removed when anything fails. The async form also fsyncs before the rename.
 *
 * @example
 * writeFileAtomic('reports/study/summary.md', text);
 * await writeFileAtomicAsync('model.onnx', bytes);
 */
import * as fs from 'fs';
import * as fsp from 'fs/promises';
import * as path from 'path';

/** A temporary name beside `file`, unique to this process and call. */
function tempNameFor(file: string): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** Write `content` to `file` atomically (creating its folder); returns `file`. */
export function writeFileAtomic(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = tempNameFor(file);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return file;
}

/**
 * Write `bytes` (one buffer, or chunks written one after the other) to `file` atomically, fsync'd before
 * the rename (for large results such as models).
 */
export async function writeFileAtomicAsync(file: string, bytes: Uint8Array | Uint8Array[]): Promise<void> {
  const tmp = tempNameFor(file);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, 'wx');
    for (const chunk of Array.isArray(bytes) ? bytes : [bytes]) {
      let done = 0;
      while (done < chunk.byteLength) done += (await handle.write(chunk, done, chunk.byteLength - done)).bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Reading ONNX external data (`data_location = EXTERNAL`) relative to the model's folder, refusing any
 * location that escapes it (`..` segments, absolute paths, symbolic links pointing outside).
 *
 * @example
 * const files = new ExternalFiles('/models/net', 'net.onnx');
 * try { files.read('conv1.W', { location: 'net.data', offset: 0, length: 1024 }) } finally { files.close() }
 */
import * as fs from 'fs';
import * as path from 'path';
import { ModelFormatError } from '../errors';
import type { ExternalRef } from '../graph/types';

/**
 * Parse `external_data` key/value entries into an `ExternalRef`.
 * @example parseExternalRef([{ key: 'location', value: 'w.bin' }, { key: 'offset', value: '64' }], 'W', 'm.onnx');
 * // { location: 'w.bin', offset: 64 }
 */
export function parseExternalRef(
  entries: readonly { key?: string | null; value?: string | null }[], tensorName: string, source: string,
): ExternalRef {
  const kv = new Map(entries.map((e) => [e.key ?? '', e.value ?? '']));
  const location = kv.get('location');
  if (!location) {
    throw new ModelFormatError(`model "${source}": tensor "${tensorName}" has external data without a "location" entry`);
  }
  const ref: ExternalRef = { location };
  for (const key of ['offset', 'length'] as const) {
    const v = kv.get(key);
    if (v === undefined) continue;
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw new ModelFormatError(
        `model "${source}": tensor "${tensorName}" has external data ${key} "${v}" — expected a non-negative integer`);
    }
    ref[key] = Number(v);
  }
  const checksum = kv.get('checksum');
  if (checksum !== undefined) ref.checksum = checksum;
  return ref;
}

/** Open external data files of one model (each at most once) and read tensor byte ranges from them. */
export class ExternalFiles {
  private readonly fds = new Map<string, { fd: number; size: number }>();
  private realBase?: string;

  constructor(private readonly baseDir: string | undefined, private readonly source: string) {}

  /** The bytes of one tensor. Throws ModelFormatError naming the tensor and location on any problem. */
  read(tensorName: string, ref: ExternalRef): Uint8Array {
    const what = `model "${this.source}": tensor "${tensorName}" external data "${ref.location}"`;
    const file = this.open(ref.location, what);
    const offset = ref.offset ?? 0;
    const length = ref.length ?? file.size - offset;
    if (offset > file.size || length < 0 || offset + length > file.size) {
      throw new ModelFormatError(
        `${what}: range offset ${offset} length ${ref.length ?? '(to end)'} is outside the file of ${file.size} bytes`);
    }
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      let n: number;
      try {
        n = fs.readSync(file.fd, out, done, length - done, offset + done);
      } catch (e) {
        throw new ModelFormatError(`${what}: cannot be read (${(e as Error).message})`, { cause: e });
      }
      if (n === 0) throw new ModelFormatError(`${what}: file ended after ${done} of ${length} bytes`);
      done += n;
    }
    return out;
  }

  /** Close every opened file. */
  close(): void {
    for (const { fd } of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }

  private open(location: string, what: string): { fd: number; size: number } {
    const cached = this.fds.get(location);
    if (cached) return cached;
    if (this.baseDir === undefined) {
      throw new ModelFormatError(`${what}: no folder to resolve it against — read the model with readModel(path) or pass baseDir`);
    }
    if (path.isAbsolute(location) || path.win32.isAbsolute(location) || location.split(/[\\/]/).includes('..')) {
      throw new ModelFormatError(`${what}: location escapes the model's folder — expected a path relative to ${this.baseDir}`);
    }
    let real: string;
    try {
      this.realBase ??= fs.realpathSync(this.baseDir);
      real = fs.realpathSync(path.resolve(this.baseDir, location));
    } catch (e) {
      throw new ModelFormatError(`${what}: cannot be found in ${this.baseDir} (${(e as Error).message})`, { cause: e });
    }
    if (real !== this.realBase && !real.startsWith(this.realBase.endsWith(path.sep) ? this.realBase : this.realBase + path.sep)) {
      throw new ModelFormatError(`${what}: location resolves to ${real}, outside the model's folder ${this.realBase}`);
    }
    if (!fs.statSync(real).isFile()) throw new ModelFormatError(`${what}: ${real} is not a regular file`);
    let fd: number;
    try {
      fd = fs.openSync(real, 'r');
    } catch (e) {
      throw new ModelFormatError(`${what}: cannot be opened (${(e as Error).message})`, { cause: e });
    }
    const entry = { fd, size: fs.fstatSync(fd).size };
    this.fds.set(location, entry);
    return entry;
  }
}

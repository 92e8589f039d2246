/**
 * Download a registry model from its official URL into `<cacheDir>/models/<file>`: resumes an
 * interrupted download (HTTP Range on `<file>.part`), follows redirects, verifies the sha256 before the
 * file is used (a mismatch is refused and the bytes kept aside as `<file>.rejected`, never used), and
 * does nothing but verify when the file is already there. The URL can be overridden (`url`, or `baseUrl`
 * + the registry's file name) for mirrors and tests; the registry is never edited.
 *
 * @example
 * const r = await fetchModel(getEntry('googlenet-12'), { cacheDir: settings.cacheDir, onProgress: (got, total) => {} });
 * r.status // 'downloaded' | 'present'
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import { LayerlabError, UsageError } from '../errors';
import type { Download, RegistryEntry } from '../registry/registry';

export interface FetchOptions {
  /** settings.cacheDir: the model is written to `<cacheDir>/models/<file>`. */
  cacheDir: string;
  /** Replace the registry URL entirely. */
  url?: string;
  /** Replace the URL by `<baseUrl>/<file>` (e.g. LAYERLAB_FETCH_BASE_URL, a mirror or a test server). */
  baseUrl?: string;
  /** Called as bytes arrive, with the bytes on disk so far and the expected total. */
  onProgress?: (received: number, total: number) => void;
  /** Attempts to resume within this call after the connection drops; default 3. */
  retries?: number;
  maxRedirects?: number;
  /** A server silent this long (connecting, or in the middle of the body) ends the attempt; default 30 s. */
  idleTimeoutMs?: number;
}

export interface FetchResult {
  path: string;
  status: 'present' | 'downloaded';
  bytes: number;
  sha256: string;
  /** Bytes already in the .part file when the last attempt started (0 = from scratch). */
  resumedFrom: number;
  url?: string;
}

/** A download failed: HTTP error, connection dropped after the retries, or a checksum mismatch. */
export class FetchError extends LayerlabError {}

/**
 * sha256 of a file, streamed.
 * @example await sha256File('model.onnx') // '1eeff5...'
 */
export async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The URL a download uses given the overrides. */
export function downloadUrl(d: Download, opts: Pick<FetchOptions, 'url' | 'baseUrl'>): string {
  if (opts.url) return opts.url;
  if (opts.baseUrl) return `${opts.baseUrl.replace(/\/+$/, '')}/${d.file}`;
  return d.url;
}

/** GET `url` (following redirects) with an optional Range start; resolves with the response once headers arrive. */
function get(url: string, from: number, redirectsLeft: number, idleMs: number): Promise<{ res: http.IncomingMessage; url: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : undefined;
    if (!mod) { reject(new FetchError(`fetch ${url}: invalid protocol: ${u.protocol} (expected http or https)`)); return; }
    const req = mod.get(u, { headers: from > 0 ? { Range: `bytes=${from}-` } : {} }, (res) => {
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
        res.resume();
        if (redirectsLeft <= 0) { reject(new FetchError(`fetch ${url}: too many redirects`)); return; }
        get(new URL(res.headers.location, u).toString(), from, redirectsLeft - 1, idleMs).then(resolve, reject);
        return;
      }
      resolve({ res, url });
    });
    req.setTimeout(idleMs, () => req.destroy(new Error(`no answer within ${idleMs} ms`)));
    req.on('error', (e) => reject(new FetchError(`fetch ${url}: ${e.message}`, { cause: e })));
  });
}

/** One attempt: append to (or restart) the .part file. Resolves true when the server finished the body. */
async function attempt(url: string, part: string, total: number, opts: FetchOptions): Promise<{ complete: boolean; from: number; url: string }> {
  const have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  const from = have > 0 && have < total ? have : 0;
  const idleMs = opts.idleTimeoutMs ?? 30_000;
  const { res, url: finalUrl } = await get(url, from, opts.maxRedirects ?? 5, idleMs);
  const status = res.statusCode ?? 0;
  if (status === 416) { res.resume(); fs.rmSync(part, { force: true }); return { complete: false, from, url: finalUrl }; }
  if (status !== 200 && status !== 206) {
    res.resume();
    throw new FetchError(`fetch ${finalUrl}: HTTP ${status} ${res.statusMessage ?? ''}`.trim() + ' — check the URL or the mirror (--url, LAYERLAB_FETCH_BASE_URL)');
  }
  const append = status === 206 && from > 0;
  const out = fs.createWriteStream(part, { flags: append ? 'a' : 'w' });
  let received = append ? from : 0;
  return new Promise((resolve, reject) => {
    let ended = false;
    res.on('data', (chunk: Buffer) => { received += chunk.length; opts.onProgress?.(received, total); });
    res.on('end', () => { ended = true; });
    res.setTimeout(idleMs, () => res.destroy()); // a stalled body ends this attempt; the next one resumes
    const finish = () => out.end(() => resolve({ complete: ended && !res.aborted, from: append ? from : 0, url: finalUrl }));
    res.on('close', finish);
    res.on('error', () => { /* 'close' follows; the attempt is incomplete */ });
    out.on('error', (e) => reject(new FetchError(`fetch: cannot write ${part} — ${e.message}`, { cause: e })));
    res.pipe(out, { end: false });
  });
}

/**
 * Make sure a registry model is in `<cacheDir>/models/`, downloading it if needed.
 * @example await fetchModel(getEntry('squeezenet1.1'), { cacheDir, baseUrl: 'http://127.0.0.1:8080' })
 * @throws UsageError when the entry has no download; FetchError on HTTP errors, dropped connections after the
 *   retries (the .part file is kept for the next run) and checksum mismatches (the file is kept as .rejected).
 */
export async function fetchModel(entry: Pick<RegistryEntry, 'name' | 'download'>, opts: FetchOptions): Promise<FetchResult> {
  const d = entry.download;
  if (!d) throw new UsageError(`model "${entry.name}": the registry has no download for it`);
  const dest = path.join(opts.cacheDir, 'models', d.file);
  const part = `${dest}.part`, rejected = `${dest}.rejected`;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) {
    const sha = await sha256File(dest);
    if (sha === d.sha256) return { path: dest, status: 'present', bytes: fs.statSync(dest).size, sha256: sha, resumedFrom: 0 };
    fs.renameSync(dest, rejected);
  }
  const url = downloadUrl(d, opts);
  const retries = opts.retries ?? 3;
  const done = fs.existsSync(part) && fs.statSync(part).size === d.bytes; // finished earlier, not yet verified
  let last = { complete: done, from: done ? d.bytes : 0, url };
  for (let i = 0; i <= retries && !last.complete; i++) last = await attempt(url, part, d.bytes, opts);
  const size = fs.existsSync(part) ? fs.statSync(part).size : 0;
  if (!last.complete) {
    throw new FetchError(`fetch ${last.url}: the connection dropped ${retries + 1} times; ${size} of ${d.bytes} bytes kept in ${part} — run fetch again to resume`);
  }
  const sha = await sha256File(part);
  if (sha !== d.sha256) {
    fs.renameSync(part, rejected);
    throw new FetchError(`fetch ${last.url}: sha256 mismatch — got ${sha} (${size} bytes), expected ${d.sha256} (${d.bytes} bytes); the file is kept aside as ${rejected} and not used`);
  }
  fs.renameSync(part, dest);
  return { path: dest, status: 'downloaded', bytes: size, sha256: sha, resumedFrom: last.from, url: last.url };
}

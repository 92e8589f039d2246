import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { fetchModel, FetchError } from '../../src/data/fetch';
import { command as fetchCommand } from '../../src/cli/commands/fetch';
import { sharedFile } from '../support/paths';

const source = sharedFile('models/onnx/squeezenet1.1.onnx');
let body: Buffer, sha: string, server: http.Server, base: string;
const requests: { url: string; range?: string }[] = [];
const flakyDone = new Set<string>();

before(async () => {
  body = fs.readFileSync(source);
  sha = crypto.createHash('sha256').update(body).digest('hex');
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ url, range: req.headers.range });
    const [, kind, key] = url.split('/');
    if (kind === 'missing') { res.writeHead(404); res.end('not here'); return; }
    if (kind === 'redirect') { res.writeHead(302, { Location: `/ok/${key}` }); res.end(); return; }
    if (kind === 'stall' && !flakyDone.has(key)) {
      // Promise the whole file, send 1 MB, then go silent (keep the connection open).
      flakyDone.add(key);
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, 1 << 20));
      setTimeout(() => res.destroy(), 10_000);
      return;
    }
    if (kind === 'hang') { setTimeout(() => res.destroy(), 10_000); return; }
    if (kind === 'flaky' && !flakyDone.has(key)) {
      // Promise the whole file, send 1 MB, then drop the connection.
      flakyDone.add(key);
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, 1 << 20), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m && kind !== 'norange') {
      const from = Number(m[1]);
      res.writeHead(206, { 'Content-Length': body.length - from, 'Content-Range': `bytes ${from}-${body.length - 1}/${body.length}` });
      res.end(body.subarray(from));
      return;
    }
    res.writeHead(200, { 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const entry = () => ({ name: 'tiny', download: { url: 'https://unreachable.invalid/model.onnx', bytes: body.length, sha256: sha, file: 'model.onnx' } });
const tmpCache = () => fs.mkdtempSync(path.join(os.tmpdir(), 'll-fetch-'));
const sha256 = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

test('fetchModel: downloads, verifies, then finds it present without a request', async () => {
  const cacheDir = tmpCache();
  try {
    const progress: number[] = [];
    const r = await fetchModel(entry(), { cacheDir, baseUrl: `${base}/ok/`, onProgress: (got) => progress.push(got) });
    assert.equal(r.status, 'downloaded');
    assert.equal(r.path, path.join(cacheDir, 'models', 'model.onnx'));
    assert.equal(sha256(r.path), sha);
    assert.equal(progress[progress.length - 1], body.length);
    assert.ok(!fs.existsSync(`${r.path}.part`));
    const n = requests.length;
    const again = await fetchModel(entry(), { cacheDir, baseUrl: `${base}/missing` });
    assert.equal(again.status, 'present');
    assert.equal(requests.length, n, 'no request when the file is there');
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: a dropped connection is resumed with a Range request', async () => {
  const cacheDir = tmpCache();
  try {
    const r = await fetchModel(entry(), { cacheDir, url: `${base}/flaky/a` });
    assert.equal(r.status, 'downloaded');
    assert.ok(r.resumedFrom >= 1 << 20, `resumed at ${r.resumedFrom}`);
    assert.equal(sha256(r.path), sha);
    assert.ok(requests.some((q) => q.url === '/flaky/a' && q.range === `bytes=${r.resumedFrom}-`));
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: a server that goes silent mid-body is given up on after the idle timeout and resumed', async () => {
  const cacheDir = tmpCache();
  try {
    const r = await fetchModel(entry(), { cacheDir, url: `${base}/stall/s1`, idleTimeoutMs: 300 });
    assert.equal(r.status, 'downloaded');
    assert.ok(r.resumedFrom >= 1 << 20, `resumed at ${r.resumedFrom}`);
    assert.equal(sha256(r.path), sha);
    await assert.rejects(fetchModel(entry(), { cacheDir: tmpCache(), url: `${base}/hang/a`, idleTimeoutMs: 300, retries: 0 }),
      (e: Error) => e instanceof FetchError && /no answer within 300 ms/.test(e.message));
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: without retries the .part file is kept and the next run resumes it', async () => {
  const cacheDir = tmpCache();
  try {
    await assert.rejects(fetchModel(entry(), { cacheDir, url: `${base}/flaky/b`, retries: 0 }),
      (e: Error) => e instanceof FetchError && /connection dropped 1 times.*run fetch again to resume/.test(e.message));
    const part = path.join(cacheDir, 'models', 'model.onnx.part');
    const kept = fs.statSync(part).size;
    assert.ok(kept >= 1 << 20 && kept < body.length, `kept ${kept}`);
    assert.ok(!fs.existsSync(path.join(cacheDir, 'models', 'model.onnx')), 'the partial file is never used');
    const r = await fetchModel(entry(), { cacheDir, url: `${base}/flaky/b`, retries: 0 });
    assert.equal(r.resumedFrom, kept);
    assert.equal(sha256(r.path), sha);
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: a server ignoring Range restarts from zero; redirects are followed', async () => {
  const cacheDir = tmpCache();
  try {
    const models = path.join(cacheDir, 'models');
    fs.mkdirSync(models, { recursive: true });
    fs.writeFileSync(path.join(models, 'model.onnx.part'), body.subarray(0, 1000));
    const r = await fetchModel(entry(), { cacheDir, url: `${base}/norange/x` });
    assert.equal(r.resumedFrom, 0);
    assert.equal(sha256(r.path), sha);
    fs.rmSync(r.path);
    const red = await fetchModel(entry(), { cacheDir, url: `${base}/redirect/y` });
    assert.equal(red.url, `${base}/ok/y`);
    assert.equal(sha256(red.path), sha);
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: a checksum mismatch is refused and kept aside as .rejected; a damaged file is replaced', async () => {
  const cacheDir = tmpCache();
  try {
    const wrong = { ...entry(), download: { ...entry().download, sha256: '0'.repeat(64) } };
    await assert.rejects(fetchModel(wrong, { cacheDir, baseUrl: `${base}/ok` }),
      (e: Error) => e instanceof FetchError && /sha256 mismatch — got [0-9a-f]{64}.*expected 0{64}.*kept aside as .*model\.onnx\.rejected/.test(e.message));
    const dest = path.join(cacheDir, 'models', 'model.onnx');
    assert.ok(!fs.existsSync(dest));
    assert.ok(fs.existsSync(`${dest}.rejected`));
    fs.writeFileSync(dest, 'damaged');
    const r = await fetchModel(entry(), { cacheDir, baseUrl: `${base}/ok` });
    assert.equal(r.status, 'downloaded');
    assert.equal(fs.readFileSync(`${dest}.rejected`, 'utf8'), 'damaged');
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('fetchModel: HTTP 404 is an error naming the status', async () => {
  const cacheDir = tmpCache();
  try {
    await assert.rejects(fetchModel(entry(), { cacheDir, baseUrl: `${base}/missing` }), (e: Error) => e instanceof FetchError && /HTTP 404/.test(e.message));
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

test('layerlab fetch: LAYERLAB_FETCH_BASE_URL is honoured; registry checksums are enforced', async () => {
  const cacheDir = tmpCache();
  const out: string[] = [], err: string[] = [];
  try {
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: cacheDir,
      env: { LAYERLAB_CACHE: cacheDir, LAYERLAB_FETCH_BASE_URL: `${base}/ok` } };
    // The server serves the shared squeezenet1.1.onnx, not the zoo's squeezenet1.1-7.onnx: the registry sha256 must refuse it.
    await assert.rejects(fetchCommand.run(['squeezenet1.1'], io), /sha256 mismatch.*expected 1eeff551/);
    assert.ok(requests.some((q) => q.url === '/ok/squeezenet1.1-7.onnx'));
    assert.ok(fs.existsSync(path.join(cacheDir, 'models', 'squeezenet1.1-7.onnx.rejected')));
    await assert.rejects(fetchCommand.run(['alexnet'], io), /no download/);
  } finally { fs.rmSync(cacheDir, { recursive: true, force: true }); }
});

// `layerlab notebook` serves notebooks/ with Debian's Jupyter and the project's tslab kernelspec.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as http from 'http';
import * as path from 'path';
import { projectRoot } from '../../src/registry/settings';

function getJson(url: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => { try { resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

test('layerlab notebook starts Jupyter on notebooks/ with the layerlab-tslab kernel', { timeout: 60_000 }, async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(projectRoot(), 'bin', 'layerlab.js'), 'notebook', '--no-browser', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no server URL within 45 s:\n${log}`)), 45_000);
      const onData = (c: Buffer) => {
        log += c.toString();
        const m = new RegExp(`(http://(?:localhost|127\\.0\\.0\\.1):${port}/\\S*token=\\w+)`).exec(log);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`jupyter exited with ${code}:\n${log}`)); });
    });
    const token = new URL(url).searchParams.get('token');
    const specs = await getJson(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
    assert.equal(specs.status, 200);
    assert.ok(Object.keys(specs.body.kernelspecs).includes('layerlab-tslab'), JSON.stringify(Object.keys(specs.body.kernelspecs)));
    const contents = await getJson(`http://127.0.0.1:${port}/api/contents?token=${token}`);
    assert.ok(contents.body.content.some((f: { name: string }) => f.name === '00-quickstart.ipynb'), 'serves notebooks/');
  } finally {
    // layerlab forwards SIGTERM to Jupyter; the server must be gone afterwards (its pipes close)
    const closed = new Promise((r) => child.on('close', r));
    child.kill('SIGTERM');
    const stopped = await Promise.race([closed.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    if (!stopped) child.kill('SIGKILL');
    assert.ok(stopped, 'layerlab notebook and its Jupyter server stop on SIGTERM');
  }
});

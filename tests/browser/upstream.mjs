// A local stand-in for raw.githubusercontent.com, for `timeline fetch` and
// for the page's "anything newer upstream?" request: it serves the
// community documents of a multi-year archive (tests/fixtures/archive, and
// the 2024 notes), with ETags, 304 Not Modified and CORS as GitHub does,
// and can be told to change a document, fail, or go offline.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import { ROOT, DIST, timelineBin } from './lib.mjs';

export const REPO = '/racklet/meeting-notes/main/community';
export const FILES = ['2021.md', '2022.md', '2023.md', '2024.md', 'README.md'];

export function fixture(name) {
  return name === '2024.md'
    ? fs.readFileSync(path.join(ROOT, 'data/notes/racklet-2024.md'), 'utf8')
    : fs.readFileSync(path.join(ROOT, 'tests/fixtures/archive', name), 'utf8');
}

/**
 * Starts the fake upstream. `docs` maps file name to text (change it to
 * publish a newer document); `mode` is 'ok', 'offline' (connections are
 * dropped) or a status code to answer everything with (429, 503).
 * `requests` records [path, if-none-match] of each request.
 */
export async function startUpstream() {
  const docs = Object.fromEntries(FILES.map((f) => [f, fixture(f)]));
  const state = { docs, mode: 'ok', requests: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    state.requests.push([url.pathname, req.headers['if-none-match'] || null]);
    if (state.mode === 'offline') return req.socket.destroy();
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' };
    if (typeof state.mode === 'number') {
      res.writeHead(state.mode, { ...cors, 'content-type': 'text/plain' });
      return res.end('slow down');
    }
    const name = url.pathname.startsWith(REPO + '/') ? url.pathname.slice(REPO.length + 1) : null;
    const body = name && state.docs[name];
    if (body === undefined || body === null) {
      res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
      return res.end('404: Not Found');
    }
    const etag = '"' + crypto.createHash('sha1').update(body).digest('hex') + '"';
    // raw.githubusercontent.com lets browsers cache for 5 minutes; no-cache
    // requests revalidate with the ETag.
    const headers = { ...cors, etag, 'cache-control': 'max-age=300', 'content-type': 'text/plain; charset=utf-8' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    ...state,
    state,
    base,
    url: (name) => `${base}${REPO}/${name}`,
    liveRequests: () => state.requests.filter(([p]) => p.endsWith('/README.md')),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/**
 * Runs the `timeline` binary (built by the test command's earlier steps).
 * Asynchronously: the fake upstream lives in this process and must answer.
 */
export async function timeline(...args) {
  const { stdout } = await promisify(execFile)(timelineBin(), args, { cwd: ROOT, encoding: 'utf8' });
  return stdout;
}

/**
 * A copy of the release build with the archive fetched from `upstream` and
 * prerendered again, as the Pages workflow builds it.
 */
export async function archiveDist(upstream) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'racklet-archive-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'notes'), { recursive: true, force: true });
  const sources = path.join(dir, 'sources.toml');
  fs.writeFileSync(sources, FILES.map((f, i) => `[[source]]\nurl = "${upstream.url(f)}"\nlabel = "${i < 4 ? f.slice(0, 4) : 'Current year'}"\n`).join('\n'));
  await timeline('fetch', '--sources', sources, '--out', path.join(dir, 'notes'));
  fs.rmSync(sources);
  await timeline('prerender', path.join(dir, 'index.html'), '--notes', path.join(dir, 'notes'));
  return dir;
}

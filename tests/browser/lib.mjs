// Shared helpers for the browser tests: a static server on 127.0.0.1 for
// the release build, and headless Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const DIST = process.env.DIST_DIR || path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/browser/out');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. `routes` maps a path to a
 * handler (req, res) for test-specific responses; `prefix` mounts the
 * files under a subpath, as GitHub Pages does.
 */
export async function serve(dir = DIST, { routes = {}, prefix = '', gzip = false } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    let rel = decodeURIComponent(url.pathname);
    if (prefix) {
      if (!rel.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
      rel = rel.slice(prefix.length) || '/';
    }
    let file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    let body = fs.readFileSync(file);
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (gzip && /gzip/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches headless Chromium with a fresh profile directory. */
export async function launch(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'racklet-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page that fails the test on any uncaught error or console error. */
export async function open(context, url, { viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Avatars from github.com cannot load offline; that is expected.
    if (m.type() === 'error' && !/github\.com|Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.errors = errors;
  await page.goto(url);
  // The prerendered page shows at once; wait until the app has taken over.
  await page.waitForSelector('html[data-app="ready"]');
  return page;
}

export function screenshotPath(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, `${name}.png`);
}

/**
 * The timeline renders a few meetings and more on scrolling; render them
 * all (by pressing "Show more" until it is gone) and return their dates.
 */
export async function allDates(page) {
  // A programmatic click: it neither moves focus nor races the
  // IntersectionObserver that also renders more.
  for (let i = 0; i < 200; i++) {
    const more = await page.evaluate(() => {
      const b = document.querySelector('.timeline .more button');
      b?.click();
      return !!b;
    });
    if (!more) break;
    await page.waitForTimeout(10);
  }
  return page.$$eval('article[data-meeting-date]', (els) => els.map((e) => e.dataset.meetingDate));
}

/**
 * The texts the page highlights under `name` (`racklet-search`,
 * `racklet-topic`): matches are painted with the CSS Custom Highlight API,
 * not by changing the text. Waits until the highlight is set.
 */
export async function highlighted(page, name) {
  await page.waitForFunction((n) => CSS.highlights.get(n)?.size > 0, name);
  return page.evaluate((n) => [...CSS.highlights.get(n)].map((r) => r.toString()), name);
}

// Shared helpers for the browser tests: a static server on 127.0.0.1 for
// the release build, and headless Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
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
    // Dates and times follow the reader's locale: pin it.
    locale: 'en-US',
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

/**
 * Plays github.com's avatars for `page`: a 1×1 PNG for the handles `has`
 * accepts, 404 for the others. Returns the list of URLs asked for.
 */
export async function fakeAvatars(page, has = () => true) {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const asked = [];
  await page.route('https://github.com/**', (route) => {
    const url = route.request().url();
    asked.push(url);
    const handle = new URL(url).pathname.slice(1).replace(/\.png$/, '');
    return has(handle) ? route.fulfill({ contentType: 'image/png', body: png }) : route.fulfill({ status: 404 });
  });
  return asked;
}

/** Resolves in the first task after the page's next painted frame: what
 * the app defers until a change has been painted (the URL) is done by then. */
export function afterNextPaint(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

export function screenshotPath(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, `${name}.png`);
}

/** The dates of the meetings on the page (every match is in the DOM). */
export async function allDates(page) {
  return page.$$eval('article[data-meeting-date]', (els) => els.map((e) => e.dataset.meetingDate));
}

/**
 * What the page highlights under `name` (`racklet-search`,
 * `racklet-topic`): matches are painted with the CSS Custom Highlight API,
 * not by changing the text. Each is its text, the date of the meeting
 * (`[data-meeting-date]`) it sits in, and whether it is in a bullet,
 * paragraph, code block or table. Waits until the highlight is set.
 */
export async function highlightedIn(page, name) {
  await page.waitForFunction((n) => CSS.highlights.get(n)?.size > 0, name);
  // The page highlights static ranges (no text of their own): read each
  // through a live range over the same boundaries.
  return page.evaluate((n) => [...CSS.highlights.get(n)].map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const at = r.startContainer.parentElement?.closest('[data-meeting-date]');
    const unit = r.startContainer.parentElement?.closest('li, p.p, pre, .table-wrap');
    return { text: live.toString(), date: at?.dataset.meetingDate ?? null, inUnit: !!unit && at?.contains(unit) === true };
  }), name);
}

/** The texts the page highlights under `name` (see `highlightedIn`). */
export async function highlighted(page, name) {
  return (await highlightedIn(page, name)).map((m) => m.text);
}

/** The `timeline` binary (built by the test command's earlier steps, or now). */
export function timelineBin() {
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(target, 'debug', 'timeline');
  // Built once per run (a no-op when up to date): a stale binary would
  // prerender markup the app no longer hydrates.
  if (!timelineBin.built) execFileSync('cargo', ['build', '-q', '-p', 'cli', '--bin', 'timeline'], { cwd: ROOT });
  timelineBin.built = true;
  return bin;
}

/** What `timeline json` makes of the notes the build ships (dist/notes). */
export function shippedModel(dir = DIST) {
  const notes = path.join(dir, 'notes');
  const files = JSON.parse(fs.readFileSync(path.join(notes, 'manifest.json'), 'utf8')).files.map((f) => path.join(notes, f.name));
  return JSON.parse(execFileSync(timelineBin(), ['json', ...files], { cwd: ROOT, encoding: 'utf8' }));
}

/**
 * axe-core's violations on the page, one line each (none is the goal),
 * leaving out what `exclude` selects (someone else's markup).
 */
export async function axeViolations(page, { exclude } = {}) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const builder = new AxeBuilder({ page });
  if (exclude) builder.exclude(exclude);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

/**
 * A copy of the release build holding the synthetic archive of `years`
 * years (`timeline synth --split`), fetched and prerendered as the Pages
 * workflow does with the real one. Returns the folder, the archive's size
 * and how many documents it has; remove the folder when done.
 */
export function synthSite({ years = 10, seed = 1 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'racklet-synth-'));
  const timeline = (...args) => execFileSync(timelineBin(), args, { cwd: ROOT });
  const notes = path.join(dir, 'years');
  timeline('synth', '--years', String(years), '--seed', String(seed), '--split', notes);
  const site = path.join(dir, 'site');
  fs.cpSync(DIST, site, { recursive: true });
  fs.rmSync(path.join(site, 'notes'), { recursive: true, force: true });
  // Sources named like the synthetic files, oldest first.
  const files = fs.readdirSync(notes).sort((a, b) => (a === 'README.md') - (b === 'README.md') || a.localeCompare(b));
  const sources = path.join(dir, 'sources.toml');
  fs.writeFileSync(sources, files.map((f) => `[[source]]\nurl = "https://example.org/${f}"\n`).join('\n'));
  timeline('fetch', '--sources', sources, '--local', notes, '--out', path.join(site, 'notes'));
  timeline('prerender', path.join(site, 'index.html'), '--notes', path.join(site, 'notes'));
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(notes, f)).size, 0);
  return { dir, site, bytes, documents: files.length };
}

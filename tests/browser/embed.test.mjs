// Embed mode: the README's snippet on a parent page, on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, screenshotPath, ROOT } from './lib.mjs';

let app, parent, browser;
before(async () => {
  app = await serve();
  const snippet = fs.readFileSync(path.join(ROOT, 'docs/embed-snippet.html'), 'utf8').replaceAll('APP_URL', app.url + '/');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Racklet website</title></head>
<body style="background:#fdf6e3"><h1>Racklet</h1><p>Our meeting notes:</p>${snippet}<p>Footer</p></body></html>`;
  parent = await serve(undefined, {
    routes: { '/community.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); } },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await parent?.close(); });

test('the embedded timeline sizes its iframe, drops the header and keeps links out of the frame', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(parent.url + '/community.html');
  const frame = page.frameLocator('iframe.racklet-timeline');
  await frame.locator('article[data-meeting-date]').first().waitFor();
  await page.waitForFunction(() => parseInt(document.querySelector('iframe.racklet-timeline').style.height) > 2000);
  const inner = page.frames().find((f) => f.url().includes('embed=1'));
  assert.doesNotMatch(inner.url(), /[?&]theme=/, 'a host without a theme leaves it to prefers-color-scheme');
  await inner.waitForFunction(() => document.querySelector('.app.embed'));
  assert.equal(await inner.locator('.page-head').count(), 0, 'no page header');
  assert.equal(await inner.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)', 'transparent');
  const targets = await inner.$$eval('a.ext', (as) => [...new Set(as.map((a) => a.target))]);
  assert.deepEqual(targets, ['_blank'], 'every external link opens a new tab');
  await page.screenshot({ path: screenshotPath('embed'), fullPage: false });
  assert.deepEqual(errors, []);
});

test('the parent URL sets the embedded filters and deep link, and follows changes made inside', async () => {
  const page = await browser.context.newPage();
  await page.goto(parent.url + '/community.html?person=chiplet#2024-01-09');
  const inner = await (async () => {
    for (let i = 0; i < 50; i++) {
      const f = page.frames().find((f) => f.url().includes('embed=1'));
      if (f) return f;
      await page.waitForTimeout(100);
    }
  })();
  await inner.waitForFunction(() => document.querySelector('.count')?.textContent === '2 of 15 meetings');
  assert.match(inner.url(), /person=chiplet/);
  assert.match(inner.url(), /#2024-01-09$/);
  await inner.locator('.person-chip[data-person="rminnich"]').click();
  await page.waitForFunction(() => location.search.includes('rminnich'));
  assert.equal(new URL(page.url()).searchParams.getAll('person').join(','), 'chiplet,rminnich');
  assert.equal(new URL(page.url()).searchParams.get('embed'), null);
});
